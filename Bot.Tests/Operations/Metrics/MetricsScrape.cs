using System.Diagnostics;

namespace Bot.Tests.Operations.Metrics;

/// <summary>A /metrics answer, and what promtool says about it.</summary>
public static class MetricsScrape
{
    /// <summary>Runs <c>promtool check metrics</c> on the text: its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> PromtoolCheckAsync(string exposition)
    {
        var info = new ProcessStartInfo(ExternalTool.Require("promtool"), ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("promtool did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    /// <summary>The sample lines (no comments) of one metric family.</summary>
    public static IReadOnlyList<string> Samples(string exposition, string name) =>
        exposition.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal)).ToList();
}
