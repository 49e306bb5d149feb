using System.Globalization;
using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Testing.BotApi;

namespace Bot.Benchmarks.Scenarios;

/// <summary>Scenario 3c: the host idle (polling, nothing new on either side) in a child process for
/// <c>BENCH_IDLE_MINUTES</c> minutes (5 unless set; 60 for the issue's hour): processor share, resident set over
/// time, and writes to its database.</summary>
public sealed class IdleScenario(Report report)
{
    public async Task RunAsync()
    {
        var minutes = int.TryParse(Environment.GetEnvironmentVariable("BENCH_IDLE_MINUTES"), CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 5;
        report.BeginScenario($"3c. Idle: the real host polling with the shipped settings, nothing to relay, watched for {minutes} min (BENCH_IDLE_MINUTES)");
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(BenchCore.StaffChatId, "Staff");
        var (output, v) = await ChildRun.RunAsync(
            ["idle-child", telegram.BaseUrl, telegram.Token, minutes.ToString(CultureInfo.InvariantCulture)], IdleHostChild.ResultPrefix);
        var (seconds, cpu, first, max, last, unchanged, samples) = (v[0], v[1], (long)v[2], (long)v[3], (long)v[4], v[5] == 1, (int)v[6]);
        var collected = (long)v[7];
        Report.Note("Resident set every 15 s, MiB: " + (output.Split('\n').FirstOrDefault(l => l.StartsWith("IDLE-SAMPLES ", StringComparison.Ordinal))?["IDLE-SAMPLES ".Length..] ?? "?"));

        Report.Note(output.Split('\n').FirstOrDefault(l => l.StartsWith("IDLE-GC ", StringComparison.Ordinal))?["IDLE-GC ".Length..] ?? "");
        report.Add(new Figure($"Processor time while idle, over {seconds:N0} s", FormattableString.Invariant($"{cpu:F2} % of one core"),
            $"Telegram long polls answered: {telegram.CallCount("getUpdates")}", Report.Verdict(cpu < 1, "target < 1 % of one core")));
        report.Add(new Figure($"Resident set over {seconds:N0} s idle ({samples} samples, no forced collection)",
            $"{Report.MiB(first)} → {Report.MiB(last)}", $"highest {Report.MiB(max)}; growth {Report.MiB(last - first)}; after a forced full collection at the end {Report.MiB(collected)}",
            Report.Verdict(last <= first + (2L * 1024 * 1024), "target no growth (within 2 MiB)")));
        report.Add(new Figure($"Database file and write-ahead log over {seconds:N0} s idle", unchanged ? "unchanged" : "CHANGED",
            "SHA-256 of both files before and after", Report.Verdict(unchanged, "target no write")));
    }
}
