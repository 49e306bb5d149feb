using System.Globalization;
using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Testing.BotApi;

namespace Bot.Benchmarks.Scenarios;

/// <summary>Scenario 3b: resident memory of the host process holding 100k conversations. The host runs in a child
/// process (<see cref="MemoryHostChild"/>) so that nothing of this process or its fakes is counted; the fake Bot
/// API (Telegram's limits on) runs here.</summary>
public sealed class MemoryScenario(Report report)
{
    private const int Conversations = 100_000;

    public async Task RunAsync()
    {
        report.BeginScenario($"3b. Memory: the real host (BridgeApp) ingesting {Conversations:N0} new conversations, one message each, then posting at Telegram's pace");
        var full = await MemoryChildRun.RunAsync(Conversations);
        var small = await MemoryChildRun.RunAsync(1_000);
        var lowAccuracy = await MemoryChildRun.RunAsync(Conversations, "Translation:LowAccuracyMode=true");

        Report.Note($"Ingested {full.Stored:N0} conversations in {full.Seconds:N0} s through the host's poller (fake Telegram: {full.RateLimited} 429s).");
        report.Add(new Figure("Resident set (VmRSS) holding 100k conversations, after a forced full GC (default settings)", Report.MiB(full.Loaded),
            $"{full.LoadedMemory.Breakdown()}; peak RSS (VmHWM) {Report.MiB(full.Peak)}",
            Report.MemoryVerdict(full.Loaded, 150)));
        report.Add(new Figure("The same, then the host's own give-back (aggressive collection, native heap trimmed: what it runs after a burst and when idle)",
            Report.MiB(full.GivenBackMemory.ResidentBytes), full.GivenBackMemory.Breakdown(), Report.MemoryVerdict(full.GivenBackMemory.ResidentBytes, 150)));
        report.Add(new Figure("Idle host, started, nothing relayed yet (default settings)", Report.MiB(full.Idle), $"after a forced full GC: {full.IdleMemory.Breakdown()}",
            Report.MemoryVerdict(full.Idle, 120)));
        report.Add(new Figure("The same idle host, then the give-back it runs itself on its first idle poll after start", Report.MiB(full.IdleGivenBackMemory.ResidentBytes),
            full.IdleGivenBackMemory.Breakdown(), Report.MemoryVerdict(full.IdleGivenBackMemory.ResidentBytes, 120)));
        report.Add(new Figure("Start-up: process start to the first /readyz 200 (migrations, getMe, staff chat check, first polls)",
            Report.Seconds(full.ReadyMs / 1000), $"other runs: {Report.Seconds(small.ReadyMs / 1000)}, {Report.Seconds(lowAccuracy.ReadyMs / 1000)}",
            Report.Verdict(full.ReadyMs <= 2000, "target ≤ 2 s")));
        report.Add(new Figure("Same host holding 1k conversations", Report.MiB(small.Loaded),
            $"managed heap {Report.MiB(small.Heap)}; 100k minus 1k: {Report.MiB(full.Loaded - small.Loaded)} for {full.Stored - small.Stored:N0} more conversations"));
        report.Add(new Figure("100k conversations with Translation:LowAccuracyMode=true (Lingua trigram models only)", Report.MiB(lowAccuracy.Loaded),
            $"managed heap {Report.MiB(lowAccuracy.Heap)}",
            Report.MemoryVerdict(lowAccuracy.Loaded, 150)));
    }
}
