using System.Diagnostics;
using System.Globalization;
using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Tests.Fakes.Telegram;

namespace Bot.Benchmarks.Scenarios;

/// <summary>Scenario 3b: resident memory of the host process holding 100k conversations. The host runs in a child
/// process (<see cref="MemoryHostChild"/>) so that nothing of this process or its fakes is counted; the fake Bot
/// API (Telegram's limits on) runs here.</summary>
public sealed class MemoryScenario(Report report)
{
    private const int Conversations = 100_000;

    public async Task RunAsync()
    {
        report.BeginScenario($"3b. Memory: the real host (BridgeApp) ingesting {Conversations:N0} new conversations, one message each");
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(BenchCore.StaffChatId, "Staff");

        var (file, prefix) = SelfCommand();
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in prefix.Concat(["memory-child", telegram.BaseUrl, telegram.Token, Conversations.ToString(CultureInfo.InvariantCulture)]))
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(MemoryHostChild.ResultPrefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The child process (exit code {child.ExitCode}) reported nothing:\n{output}");
        var v = line[MemoryHostChild.ResultPrefix.Length..].Split(' ').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        var (stored, seconds, idle, loaded, peak, heap) = ((long)v[0], v[1], (long)v[2], (long)v[3], (long)v[4], (long)v[5]);

        Report.Note($"Ingested {stored:N0} conversations in {seconds:N0} s through the host's poller while its outbox worker delivered at Telegram's pace (fake: {telegram.RateLimitedCount} 429s).");
        report.Add(new Figure("Resident set (VmRSS) holding 100k conversations, after a forced full GC", Report.MiB(loaded),
            $"idle host before ingesting {Report.MiB(idle)}; managed heap {Report.MiB(heap)}; peak RSS during ingest (VmHWM) {Report.MiB(peak)}",
            Report.Verdict(loaded <= 200L * 1024 * 1024, "target ≤ 200 MB")));
    }

    /// <summary>How to start this program again: its apphost, or dotnet with its dll.</summary>
    private static (string File, string[] Prefix) SelfCommand()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("Unknown process path.");
        return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? (process, [typeof(MemoryScenario).Assembly.Location])
            : (process, []);
    }
}
