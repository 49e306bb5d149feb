using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;

namespace Bot.Benchmarks.Scenarios;

/// <summary>Scenario "stores": three stores served by three published hosts (one store each), then by one published
/// host with <c>Stores__Directory</c> naming the three stores' files; each store has its own fake Bot API and fake
/// AliExpress gateway, relays one buyer message, then idles <c>BENCH_STORES_SETTLE_SECONDS</c> (30 unless set) before
/// the resident sets (VmRSS, no forced collection) are read.</summary>
public sealed class StoresMemoryScenario(Report report)
{
    private const int Stores = 3;

    /// <summary>Each store polls every second (idle: every 8 s), so that its one message is relayed soon.</summary>
    private const string PollInterval = "00:00:01";

    public async Task RunAsync()
    {
        var settle = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("BENCH_STORES_SETTLE_SECONDS"), CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 30);
        report.BeginScenario($"Stores: {Stores} stores in {Stores} published hosts vs in one (Stores__Directory), each after one relayed message and {settle.TotalSeconds:N0} s idle");
        var published = await PublishedHost.EnsurePublishedAsync();
        var directory = Directory.CreateTempSubdirectory("bridge-stores-memory-").FullName;
        var fakes = new List<(FakeTelegramServer Telegram, FakeAliExpressServer AliExpress)>();
        try
        {
            for (var i = 0; i < Stores; i++)
            {
                var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { BotUserId = 7001 + i });
                telegram.AddSupergroup(BenchCore.StaffChatId, $"Staff of store {i + 1}");
                fakes.Add((telegram, await FakeAliExpressServer.StartAsync()));
            }

            var separate = await SeparateAsync(published, directory, fakes, settle);
            var together = await TogetherAsync(published, directory, fakes, settle);
            Report.Note("Separate hosts, MiB each: " + string.Join(", ", separate.Select(b => Report.MiB(b))));
            var sum = separate.Sum();
            report.Add(new Figure($"{Stores} stores, {Stores} processes: resident sets together", Report.MiB(sum), $"{Report.MiB(sum / Stores)} per store"));
            report.Add(new Figure($"{Stores} stores, one process: resident set", Report.MiB(together),
                FormattableString.Invariant($"{together * 100.0 / sum:F0} % of the {Stores} processes; {Report.MiB((sum - together) / (Stores - 1))} saved per store after the first"),
                Report.Verdict(together < sum, $"target below the {Stores} processes together")));
        }
        finally
        {
            foreach (var (telegram, aliexpress) in fakes)
            {
                await telegram.DisposeAsync();
                await aliexpress.DisposeAsync();
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<List<long>> SeparateAsync(string published, string directory, List<(FakeTelegramServer Telegram, FakeAliExpressServer AliExpress)> fakes, TimeSpan settle)
    {
        var hosts = new List<(Process Host, string Url)>();
        try
        {
            for (var i = 0; i < fakes.Count; i++)
            {
                var settings = PublishedHost.Settings(fakes[i].Telegram, fakes[i].AliExpress, Path.Combine(directory, $"separate-{i + 1}.db"));
                settings["Store__Id"] = $"store-{i + 1}";
                settings["Marketplace__AliExpress__PollInterval"] = PollInterval;
                hosts.Add((PublishedHost.Start(published, settings), settings["Urls"]));
            }

            foreach (var (host, url) in hosts)
            {
                using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
                await PublishedHost.WaitReadyAsync(host, client, Stopwatch.StartNew());
            }

            await RelayOneEachAsync(fakes, "separate");
            await Task.Delay(settle);
            return hosts.Select(h => PublishedHost.ResidentBytes(h.Host.Id)).ToList();
        }
        finally
        {
            foreach (var (host, _) in hosts)
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
                host.Dispose();
            }
        }
    }

    private static async Task<long> TogetherAsync(string published, string directory, List<(FakeTelegramServer Telegram, FakeAliExpressServer AliExpress)> fakes, TimeSpan settle)
    {
        var stores = Path.Combine(directory, "stores");
        Directory.CreateDirectory(stores);
        var urls = new List<string>();
        for (var i = 0; i < fakes.Count; i++)
        {
            // A store's file says, in the process's setting names, what a one-store process reads from its environment.
            var settings = PublishedHost.Settings(fakes[i].Telegram, fakes[i].AliExpress, Path.Combine(directory, $"together-{i + 1}.db"))
                .ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => p.Value);
            urls.Add(settings["Urls"]);
            await File.WriteAllTextAsync(Path.Combine(stores, $"store-{i + 1}.json"), JsonSerializer.Serialize(settings));
        }

        var process = new Dictionary<string, string>
        {
            ["Stores__Directory"] = stores,
            ["Urls"] = $"http://127.0.0.1:{PublishedHost.FreePort().ToString(CultureInfo.InvariantCulture)}",
            ["Marketplace__AliExpress__PollInterval"] = PollInterval,
        };
        using var host = PublishedHost.Start(published, process);
        try
        {
            foreach (var url in urls)
            {
                using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
                await PublishedHost.WaitReadyAsync(host, client, Stopwatch.StartNew());
            }

            await RelayOneEachAsync(fakes, "together");
            await Task.Delay(settle);
            return PublishedHost.ResidentBytes(host.Id);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    /// <summary>One buyer message per store, relayed to its staff group.</summary>
    private static async Task RelayOneEachAsync(List<(FakeTelegramServer Telegram, FakeAliExpressServer AliExpress)> fakes, string phase)
    {
        for (var i = 0; i < fakes.Count; i++)
        {
            var text = $"Store {i + 1} ({phase}): where is my parcel?";
            fakes[i].AliExpress.AddBuyerMessage($"30{i + 1}000000{(phase == "separate" ? 1 : 2)}", $"buyer_{i}", "Buyer", text);
            var clock = Stopwatch.StartNew();
            while (!fakes[i].Telegram.SentTo(BenchCore.StaffChatId).Any(m => m.VisibleText?.Contains(text, StringComparison.Ordinal) == true))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new InvalidOperationException($"Store {i + 1} did not relay its buyer message within 60 s ({phase}).");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        }
    }
}
