using System.Diagnostics;
using System.Globalization;
using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;

namespace Bot.Benchmarks.Scenarios;

/// <summary>Scenario 3f: the published host (<see cref="PublishedHost"/>, as it ships) idle against the fake Bot API and
/// the fake AliExpress server with nothing to relay, watched from outside for <c>BENCH_IDLE_MINUTES</c> (5 unless
/// set): its processor time, its resident set every 15 s, and whether its database file or write-ahead log change.</summary>
public sealed class IdlePublishedScenario(Report report)
{
    private static readonly TimeSpan Sample = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);

    public async Task RunAsync()
    {
        var minutes = int.TryParse(Environment.GetEnvironmentVariable("BENCH_IDLE_MINUTES"), CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 5;
        report.BeginScenario($"3f. Idle as shipped: the published host (dotnet Bot.dll) against the fakes, nothing to relay, watched for {minutes} min (BENCH_IDLE_MINUTES)");
        var published = await PublishedHost.EnsurePublishedAsync();
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(BenchCore.StaffChatId, "Staff");
        await using var aliexpress = await FakeAliExpressServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("bridge-idle-published-").FullName;
        var database = Path.Combine(directory, "bridge.db");
        var settings = PublishedHost.Settings(telegram, aliexpress, database);
        using var client = new HttpClient { BaseAddress = new Uri(settings["Urls"]), Timeout = TimeSpan.FromSeconds(5) };
        // BENCH_STARTUP_LOG=1 prints the host's log lines here too, with the time since launch: what idling runs.
        var launched = Stopwatch.StartNew();
        using var host = PublishedHost.Start(published, settings,
            Environment.GetEnvironmentVariable("BENCH_STARTUP_LOG") == "1" ? l => Report.Note($"{launched.Elapsed.TotalSeconds,7:F1} s | {l}") : null);
        try
        {
            await PublishedHost.WaitReadyAsync(host, client, Stopwatch.StartNew());
            await Task.Delay(Settle); // past start-up's own work
            var files = DatabaseFiles.Snapshot(database);
            var rss = new List<long> { PublishedHost.ResidentBytes(host.Id) };
            var cpu = PublishedHost.ProcessorTime(host.Id);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(minutes))
            {
                await Task.Delay(Sample);
                rss.Add(PublishedHost.ResidentBytes(host.Id));
            }

            var share = (PublishedHost.ProcessorTime(host.Id) - cpu).TotalSeconds / clock.Elapsed.TotalSeconds;
            var unchanged = files == DatabaseFiles.Snapshot(database);
            Report.Note("Resident set every 15 s, MiB: " + string.Join(" ", rss.Select(b => (b / 1024 / 1024).ToString(CultureInfo.InvariantCulture))));
            var (first, last, max) = (rss[0], rss[^1], rss.Max());
            var lastQuarter = rss[(rss.Count * 3 / 4)..];
            report.Add(new Figure($"Processor time while idle, over {clock.Elapsed.TotalSeconds:N0} s", FormattableString.Invariant($"{share * 100:F2} % of one core"),
                $"Telegram long polls answered: {telegram.CallCount("getUpdates")}", Report.Verdict(share < 0.01, "target < 1 % of one core")));
            report.Add(new Figure($"Resident set over {clock.Elapsed.TotalSeconds:N0} s idle ({rss.Count} samples)", $"{Report.MiB(first)} → {Report.MiB(last)}",
                $"highest {Report.MiB(max)}; growth {Report.MiB(last - first)}; last quarter of the run {Report.MiB(lastQuarter.Min())}–{Report.MiB(lastQuarter.Max())}",
                Report.Verdict(last <= first + (2L * 1024 * 1024), "target no growth (within 2 MiB)")));
            report.Add(new Figure("Idle resident set of the published host", Report.MiB(last), "VmRSS at the end of the watch, no forced collection",
                Report.MemoryVerdict(last, 120)));
            // The idle trim makes a saw: its top over the last quarter is the figure that must stay under the target.
            report.Add(new Figure("Idle resident set, highest sample of the last quarter (the top of the idle trim's saw)", Report.MiB(lastQuarter.Max()),
                $"lowest {Report.MiB(lastQuarter.Min())}; mean {Report.MiB((long)lastQuarter.Average())}", Report.MemoryVerdict(lastQuarter.Max(), 120)));
            var maps = File.ReadAllText($"/proc/{host.Id}/maps");
            var mapped = new[] { "Dapper.dll", "System.Private.Xml.dll", "System.Linq.Expressions.dll" }.Where(f => maps.Contains("/" + f, StringComparison.Ordinal)).ToList();
            Report.Note("Mapped at the end of the watch, of Dapper and what it loads: " + (mapped.Count == 0 ? "none" : string.Join(", ", mapped)));
            report.Add(new Figure($"Database file and write-ahead log over {clock.Elapsed.TotalSeconds:N0} s idle", unchanged ? "unchanged" : "CHANGED",
                "SHA-256 of both files before and after", Report.Verdict(unchanged, "target no write")));
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            Directory.Delete(directory, recursive: true);
        }
    }
}
