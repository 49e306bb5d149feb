using System.Diagnostics;
using Bot.Benchmarks.Infrastructure;
using Bot.Core.Marketplace;
using Bot.Marketplace;
using Bot.Testing.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Benchmarks.Scenarios;

/// <summary>The child process of scenario 3c: the real host with production poll settings and nothing to relay,
/// watched for a while: the processor time it takes, its resident set at every sample, and whether its database file
/// or write-ahead log changes. Reports one line for the parent.</summary>
public static class IdleHostChild
{
    public const string ResultPrefix = "IDLE-RESULT ";
    private static readonly TimeSpan Sample = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(string telegramBaseUrl, string token, TimeSpan watch)
    {
        var directory = Directory.CreateTempSubdirectory("bridge-idle-").FullName;
        var database = Path.Combine(directory, "bridge.db");
        try
        {
            var builder = BridgeApp.CreateBuilder([]);
            builder.Configuration.AddInMemoryCollection(BridgeHost.Settings(telegramBaseUrl, token, database));
            // As shipped: the marketplace polled every 15 s, slowing to 2 min when idle; Telegram long polls of 25 s.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Marketplace:AliExpress:PollInterval"] = "00:00:15", ["Telegram:PollTimeoutSeconds"] = "25",
            });
            builder.AddBridge();
            builder.Services.RemoveAll<IMarketplaceClient>();
            builder.Services.AddSingleton<IMarketplaceClient>(new GeneratedMarketplace(1, 0, 500));
            await using var app = builder.BuildBridge();
            await app.StartAsync();
            await Task.Delay(TimeSpan.FromSeconds(20)); // past start-up's own work

            var process = Process.GetCurrentProcess();
            var files = DatabaseFiles.Snapshot(database);
            var rss = new List<long> { ProcessMemory.Now().ResidentBytes };
            var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < watch)
            {
                await Task.Delay(Sample);
                rss.Add(ProcessMemory.Now().ResidentBytes);
            }

            process.Refresh();
            var share = (process.TotalProcessorTime - cpu).TotalSeconds / clock.Elapsed.TotalSeconds;
            var unchanged = files == DatabaseFiles.Snapshot(database);
            var during = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collections[g]).ToArray();
            var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
            var collected = ProcessMemory.AfterFullCollection().ResidentBytes;
            await app.StopAsync();
            Console.WriteLine("IDLE-SAMPLES " + string.Join(" ", rss.Select(b => (b / 1024 / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture))));
            Console.WriteLine(FormattableString.Invariant($"IDLE-GC collections while watched (gen0/gen1/gen2): {during[0]}/{during[1]}/{during[2]}; allocated while watched {allocated / 1024} KiB ({allocated / 1024.0 / watch.TotalSeconds:F1} KiB/s)"));
            Console.WriteLine(FormattableString.Invariant(
                $"{ResultPrefix}{clock.Elapsed.TotalSeconds:F0} {share * 100:F3} {rss[0]} {rss.Max()} {rss[^1]} {(unchanged ? 1 : 0)} {rss.Count} {collected}"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
