using System.Diagnostics;
using System.Globalization;
using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;

namespace Bot.Benchmarks.Scenarios;

/// <summary>Scenario 3d: the published host (<see cref="PublishedHost"/>) started as its own process against the
/// fake Bot API and the fake AliExpress server, as an operator starts it: the time from launching the process to its
/// first /readyz 200, on a new database and on restarts of the same one, and its resident set once started.</summary>
public sealed class StartupScenario(Report report)
{
    private const int Restarts = 4;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    public async Task RunAsync()
    {
        report.BeginScenario("3d. Start-up: the published host (dotnet Bot.dll, as the Dockerfile runs it) against the fakes, launch to the first /readyz 200");
        var published = await PublishedHost.EnsurePublishedAsync();
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(BenchCore.StaffChatId, "Staff");
        await using var aliexpress = await FakeAliExpressServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("bridge-startup-").FullName;
        try
        {
            var settings = PublishedHost.Settings(telegram, aliexpress, Path.Combine(directory, "bridge.db"));
            var (fresh, idle) = await StartOnceAsync(published, settings, measureIdle: true);
            var restarts = new List<double>();
            for (var i = 0; i < Restarts; i++)
            {
                restarts.Add((await StartOnceAsync(published, settings, measureIdle: false)).ReadySeconds);
            }

            var median = restarts.Order().ElementAt(restarts.Count / 2);
            report.Add(new Figure("Start-up on a new database (migrations run)", Report.Seconds(fresh), "launch of dotnet Bot.dll to the first /readyz 200",
                Report.Verdict(fresh <= 2, "target ≤ 2 s")));
            report.Add(new Figure($"Start-up on the same database again (median of {Restarts})", Report.Seconds(median),
                "each: " + string.Join(", ", restarts.Select(Report.Seconds)), Report.Verdict(median <= 2, "target ≤ 2 s")));
            report.Add(new Figure($"Resident set of the published host {Settle.TotalSeconds:N0} s after it was ready, nothing relayed", Report.MiB(idle),
                "VmRSS of the process, no forced collection", Report.MemoryVerdict(idle, 120)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(double ReadySeconds, long IdleBytes)> StartOnceAsync(string published, Dictionary<string, string> settings, bool measureIdle)
    {
        var port = PublishedHost.FreePort();
        settings["Urls"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        using var client = new HttpClient { BaseAddress = new Uri(settings["Urls"]), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        // BENCH_STARTUP_LOG=1 prints the host's log lines with the time since launch: where start-up goes.
        var show = Environment.GetEnvironmentVariable("BENCH_STARTUP_LOG") == "1";
        using var host = PublishedHost.Start(published, settings, show ? l => Report.Note($"{clock.Elapsed.TotalMilliseconds,7:F0} ms | {l}") : null);
        try
        {
            await PublishedHost.WaitReadyAsync(host, client, clock);
            var ready = clock.Elapsed.TotalSeconds;
            if (!measureIdle)
            {
                return (ready, 0);
            }

            await Task.Delay(Settle);
            return (ready, PublishedHost.ResidentBytes(host.Id));
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }
}
