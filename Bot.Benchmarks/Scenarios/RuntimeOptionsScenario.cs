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
        ("as built (Bot.runtimeconfig.json, no runtime variable)", []),
        ("tiered compilation off (DOTNET_TieredCompilation=0)", new() { ["DOTNET_TieredCompilation"] = "0" }),
        ("tiered PGO off (DOTNET_TieredPGO=0)", new() { ["DOTNET_TieredPGO"] = "0" }),
        ("W^X off (DOTNET_EnableWriteXorExecute=0)", new() { ["DOTNET_EnableWriteXorExecute"] = "0" }),
        ("gen0 budget 4 MiB (DOTNET_GCgen0size=0x400000)", new() { ["DOTNET_GCgen0size"] = "0x400000" }),
        ("conserve memory (DOTNET_GCConserveMemory=5)", new() { ["DOTNET_GCConserveMemory"] = "5" }),
        ("two malloc arenas (MALLOC_ARENA_MAX=2)", new() { ["MALLOC_ARENA_MAX"] = "2" }),
        ("tiered compilation on (DOTNET_TieredCompilation=1)", new() { ["DOTNET_TieredCompilation"] = "1" }),
        ("concurrent GC on (DOTNET_gcConcurrent=1): gen0 budget at most the cache-sized minimum", new() { ["DOTNET_gcConcurrent"] = "1" }),
        ("gen0 budget at most 16 MiB (DOTNET_GCgen0MaxBudget=0x1000000)", new() { ["DOTNET_GCgen0MaxBudget"] = "0x1000000" }),
        ("segments instead of regions (DOTNET_GCName=libclrgc.so, the runtime's older collector)", new() { ["DOTNET_GCName"] = "libclrgc.so" }),
        ("regions of 1 MiB instead of 4 (DOTNET_GCRegionSize=0x100000)", new() { ["DOTNET_GCRegionSize"] = "0x100000" }),
        ("heap hard limit 400 MiB (DOTNET_GCHeapHardLimit=0x19000000)", new() { ["DOTNET_GCHeapHardLimit"] = "0x19000000" }),
        ("invariant globalization, no ICU (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1)", new() { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" }),
    ];

    public async Task RunAsync()
    {
        report.BeginScenario($"3e. Runtime settings tried: the memory child holding {Conversations:N0} conversations under each");
        var only = Environment.GetEnvironmentVariable("BENCH_OPTIONS");
        foreach (var (name, environment) in Options.Where((_, i) => only is null || only.Split(',').Contains(i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            var run = await MemoryChildRun.RunAsync(Conversations, environment);
            report.Add(new Figure(name, $"{Report.MiB(run.Loaded)} holding 100k ({Report.MiB(run.GivenBackMemory.ResidentBytes)} after the host's give-back), {Report.MiB(run.Idle)} idle",
                $"{run.LoadedMemory.Breakdown()}; start-up {Report.Seconds(run.ReadyMs / 1000)}",
                $"holding 100k {Report.MemoryVerdict(run.Loaded, 150)}; idle {Report.MemoryVerdict(run.Idle, 120)}"));
        }
    }
}
