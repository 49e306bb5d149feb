using System.Diagnostics;
using System.Globalization;
using Bot.Benchmarks.Infrastructure;
using Bot.Core.Marketplace;
using Bot.Core.Storage;
using Bot.Marketplace;
using Bot.Testing.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Benchmarks.Scenarios;

/// <summary>The child process of scenario 3b: the real host (<see cref="BridgeApp"/>: Kestrel, operator endpoints,
/// Telegram client, poller, outbox worker) against the parent's fake Bot API, with the marketplace port replaced by
/// a generated one. It ingests one new conversation per message until the cursor has passed them all, then reports
/// its memory after a forced full collection on one line for the parent.</summary>
public static class MemoryHostChild
{
    public const string ResultPrefix = "MEMORY-RESULT ";

    public static async Task<int> RunAsync(string telegramBaseUrl, string token, int conversations, IEnumerable<string> settings)
    {
        var directory = Directory.CreateTempSubdirectory("bridge-memory-").FullName;
        try
        {
            var marketplace = new GeneratedMarketplace(conversations, 0, 500);
            var builder = BridgeApp.CreateBuilder([]);
            // The end-to-end tests' settings (valid adapter settings, loopback URLs), with quieter logs.
            builder.Configuration.AddInMemoryCollection(BridgeHost.Settings(telegramBaseUrl, token, Path.Combine(directory, "bridge.db")));
            builder.Configuration.AddInMemoryCollection(settings.Select(s => s.Split('=', 2)).Select(kv => new KeyValuePair<string, string?>(kv[0], kv[1])));
            builder.AddBridge();
            builder.Services.RemoveAll<IMarketplaceClient>();
            builder.Services.AddSingleton<IMarketplaceClient>(marketplace);
            await using var app = builder.BuildBridge();
            await app.StartAsync();
            var ready = await ReadyAfterAsync(Bot.Testing.LoopbackServer.AddressOf(app.Services));

            await Task.Delay(TimeSpan.FromSeconds(2));
            var idle = ProcessMemory.AfterFullCollection();
            // What the host itself runs on its first idle poll after start (MemoryTrim).
            Bot.Core.Runtime.MemoryGiveBack.Now();
            var idleGivenBack = ProcessMemory.Now();

            var stopwatch = Stopwatch.StartNew();
            marketplace.Total = conversations;
            app.Services.GetRequiredService<PollerWakeUp>().Wake();
            var cursors = app.Services.GetRequiredService<ICursorRepository>();
            var cursorName = $"marketplace:{marketplace.Marketplace}:{marketplace.Account}";
            while (await cursors.GetAsync(cursorName, CancellationToken.None) != conversations.ToString(CultureInfo.InvariantCulture))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }

            var ingestSeconds = stopwatch.Elapsed.TotalSeconds;
            long stored;
            await using (var connection = await app.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None))
            {
                // Plain commands: the host's relay path runs without Dapper, and the child reports whether it was loaded.
                stored = await CountAsync(connection, "SELECT COUNT(*) FROM conversations");
                // Steady state: the worker has posted a few messages (at Telegram's pace), so whatever delivery loads
                // on first use (the language detector's models) is loaded, however quickly the ingest went.
                while (await CountAsync(connection, "SELECT COUNT(*) FROM message_copies WHERE target = 'telegram'") < 3)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200));
                }
            }

            var loaded = ProcessMemory.AfterFullCollection();
            var gc = GC.GetGCMemoryInfo(GCKind.Any);
            // Which detection models were in memory when it was measured (a heap far above its usual size was once seen here).
            var detection = app.Services.GetRequiredService<Bot.Core.Translation.Detection.LanguageDetection>();
            var models = $"detection: first tier {(detection.FirstTierBuilt ? "built" : "not built")}, complete models {(detection.Full?.IsLoaded == true ? $"loaded ({detection.Full.Loads} loads)" : "not loaded")}";
            Console.WriteLine(FormattableString.Invariant(
                $"MEMORY-DETAIL GC committed {gc.TotalCommittedBytes / 1024 / 1024} MiB (heap {gc.HeapSizeBytes / 1024 / 1024} MiB, fragmented {gc.FragmentedBytes / 1024 / 1024} MiB); SQLite {(Bot.Core.Sqlite.SqliteConnectionFactory.MemoryStatisticsOff ? "keeps no memory statistics" : $"{SQLitePCL.raw.sqlite3_memory_used() / 1024 / 1024} MiB (highest {SQLitePCL.raw.sqlite3_memory_highwater(0) / 1024 / 1024} MiB)")}; threads {Process.GetCurrentProcess().Threads.Count}; {models}; Dapper {(AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Dapper") ? "loaded" : "not loaded")}"));
            if (Environment.GetEnvironmentVariable("BENCH_SMAPS") is { Length: > 0 } smaps)
            {
                File.Copy("/proc/self/smaps", smaps, overwrite: true);
            }

            // What the host itself runs after a burst and while idle (aggressive collection, native heap trimmed).
            Bot.Core.Runtime.MemoryGiveBack.Now();
            var givenBack = ProcessMemory.Now();

            await app.StopAsync();
            Console.WriteLine(FormattableString.Invariant(
                $"{ResultPrefix}{stored} {ingestSeconds:F1} {idle.ResidentBytes} {loaded.ResidentBytes} {loaded.PeakResidentBytes} {loaded.ManagedHeapBytes} {ready.TotalMilliseconds:F0} {idle.AnonymousBytes} {idle.FileBytes} {idle.SharedBytes} {loaded.AnonymousBytes} {loaded.FileBytes} {loaded.SharedBytes} {idle.ManagedHeapBytes} {givenBack.ResidentBytes} {givenBack.AnonymousBytes} {givenBack.FileBytes} {givenBack.SharedBytes} {givenBack.ManagedHeapBytes} {idleGivenBack.ResidentBytes} {idleGivenBack.AnonymousBytes} {idleGivenBack.FileBytes} {idleGivenBack.SharedBytes} {idleGivenBack.ManagedHeapBytes}"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<long> CountAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>From this process's start (the runtime's own start-up included) to the first /readyz 200.</summary>
    private static async Task<TimeSpan> ReadyAfterAsync(string url)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return DateTime.Now - Process.GetCurrentProcess().StartTime;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
