using System.Diagnostics;
using Bot.Benchmarks.Reporting;
using Bot.Benchmarks.Scenarios;

namespace Bot.Benchmarks;

/// <summary>Runs the scenarios named on the command line (all when none) and prints every measured figure beside
/// its reference.</summary>
public static class BenchmarkProgram
{
    private static readonly string[] All = ["throughput", "throughput-pg", "scheduling", "scale", "memory", "idle", "startup", "idle-published", "translation", "detection", "budget"];
    private static readonly string[] Diagnostics = ["profile", "runtime-options", "stores"];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["memory-child", var baseUrl, var token, var count, .. var settings])
        {
            return await MemoryHostChild.RunAsync(baseUrl, token, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), settings);
        }

        if (args is ["idle-child", var idleUrl, var idleToken, var minutes])
        {
            return await IdleHostChild.RunAsync(idleUrl, idleToken, TimeSpan.FromMinutes(int.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (args is ["throughput-child"])
        {
            return await ThroughputScenario.RunChildAsync();
        }

        if (args is ["detection-child", var option])
        {
            return DetectionOptionChild.Run(option);
        }

        var chosen = args.Length == 0 ? All : args;
        var unknown = chosen.Except(All.Concat(Diagnostics), StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", All)} (none: all).");
            return 2;
        }

        MachineInfo.Print(args);
        var report = new Report();
        var total = Stopwatch.StartNew();
        foreach (var name in chosen)
        {
            var started = Stopwatch.StartNew();
            await RunScenarioAsync(name.ToLowerInvariant(), report);
            Report.Note($"({name} took {started.Elapsed.TotalSeconds:N0} s)");
        }

        report.PrintSummary();
        Console.WriteLine($"Total run time: {total.Elapsed.TotalSeconds:N0} s");
        return 0;
    }

    private static Task RunScenarioAsync(string name, Report report) => name switch
    {
        "throughput" => new ThroughputScenario(report).RunAsync(),
        "throughput-pg" => new PostgresThroughputScenario(report).RunAsync(),
        "scheduling" => new SchedulingScenario(report).RunAsync(),
        "scale" => new ScaleScenario(report).RunAsync(),
        "memory" => new MemoryScenario(report).RunAsync(),
        "idle" => new IdleScenario(report).RunAsync(),
        "startup" => new StartupScenario(report).RunAsync(),
        "idle-published" => new IdlePublishedScenario(report).RunAsync(),
        "translation" => new TranslationScenario(report).RunAsync(),
        "detection" => new DetectionScenario(report).RunAsync(),
        "budget" => new BudgetScenario(report).RunAsync(),
        "profile" => new ProfileScenario(report).RunAsync(),
        "runtime-options" => new RuntimeOptionsScenario(report).RunAsync(),
        "stores" => new StoresMemoryScenario(report).RunAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown scenario."),
    };
}
