using System.Diagnostics;

namespace Bot.Tests.Operations.Metrics;

/// <summary>A /metrics answer, and what promtool says about it.</summary>
public static class MetricsScrape
{
    /// <summary>Runs <c>promtool check metrics</c> on the text: its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> PromtoolCheckAsync(string exposition)
    {
        var (exitCode, output) = await Harness.ProgramRun.RunAsync(
            new ProcessStartInfo(ExternalTool.Require("promtool"), ["check", "metrics"]), TimeSpan.FromSeconds(30), exposition);
        return (exitCode, output.Trim());
    }

    /// <summary>The sample lines (no comments) of one metric family.</summary>
    public static IReadOnlyList<string> Samples(string exposition, string name) =>
        exposition.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal)).ToList();
}
