using System.Diagnostics;

namespace Bot.Tests.Benchmarks;

/// <summary>The benchmarks' simulated scenarios run as a user runs them (<c>Bot.Benchmarks scheduling budget</c>, its
/// own process): they measure on a simulated clock, so their figures are the same on every machine and their targets
/// can be checked here. Nothing else runs the benchmarks, and a scenario that stopped running (a one-thread simulation
/// that stalled on work sent to the thread pool) went unnoticed for a day and a half.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class BenchmarkRunTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task SimulatedScenarios_RunToTheEnd_AndMeetTheirTargets()
    {
        var (exitCode, output) = await RunAsync("scheduling", "budget");

        Assert.True(exitCode == 0, $"Bot.Benchmarks exited with {exitCode}:\n{output}");
        var summary = output[output.IndexOf("== Summary", StringComparison.Ordinal)..].Split('\n');
        var verdicts = summary.Where(l => l.Contains("| meets ", StringComparison.Ordinal) || l.Contains("| MISSES ", StringComparison.Ordinal)).ToList();
        // Scheduling checks its burst twice (topics there, topics created during it), the budget its merged burst.
        Assert.True(verdicts.Count >= 3, "Expected the scenarios' three verdicts in the summary:\n" + string.Join('\n', summary));
        Assert.All(verdicts, v => Assert.Contains("| meets ", v, StringComparison.Ordinal));
    }

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] scenarios)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Bot.Benchmarks.dll"), .. scenarios])
        {
            WorkingDirectory = AppContext.BaseDirectory,
        };
        // The scenarios start their own SQLite databases, whichever database the test pass puts the in-process hosts on.
        start.Environment.Remove("BRIDGE_TEST_DATABASE");
        return Harness.ProgramRun.RunAsync(start, Limit);
    }
}
