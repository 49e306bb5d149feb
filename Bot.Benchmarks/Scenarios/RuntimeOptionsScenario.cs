using Bot.Benchmarks.Reporting;

namespace Bot.Benchmarks.Scenarios;

/// <summary>Diagnostic scenario <c>runtime-options</c>: the memory child holding 100k conversations under each
/// runtime setting tried for issue 15 (environment variables for the child only), memory beside the default's.
/// Detection is untouched by these settings, so its accuracy is scenario 5's.</summary>
public sealed class RuntimeOptionsScenario(Report report)
{
    private const int Conversations = 100_000;

    private static readonly (string Name, Dictionary<string, string> Environment)[] Options =
    [
        ("as built (no runtime variable)", []),
        ("tiered compilation off (DOTNET_TieredCompilation=0)", new() { ["DOTNET_TieredCompilation"] = "0" }),
        ("tiered PGO off (DOTNET_TieredPGO=0)", new() { ["DOTNET_TieredPGO"] = "0" }),
        ("W^X off (DOTNET_EnableWriteXorExecute=0)", new() { ["DOTNET_EnableWriteXorExecute"] = "0" }),
        ("gen0 budget 4 MiB (DOTNET_GCgen0size=0x400000)", new() { ["DOTNET_GCgen0size"] = "0x400000" }),
        ("conserve memory (DOTNET_GCConserveMemory=5)", new() { ["DOTNET_GCConserveMemory"] = "5" }),
    ];

    public async Task RunAsync()
    {
        report.BeginScenario($"3e. Runtime settings tried: the memory child holding {Conversations:N0} conversations under each");
        var only = Environment.GetEnvironmentVariable("BENCH_OPTIONS");
        foreach (var (name, environment) in Options.Where((_, i) => only is null || only.Split(',').Contains(i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            var run = await MemoryChildRun.RunAsync(Conversations, environment);
            report.Add(new Figure(name, $"{Report.MiB(run.Loaded)} holding 100k, {Report.MiB(run.Idle)} idle",
                $"{run.LoadedMemory.Breakdown()}; start-up {Report.Seconds(run.ReadyMs / 1000)}"));
        }
    }
}
