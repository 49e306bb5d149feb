using System.Diagnostics;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.Postgres;
using Bot.Tests.Storage;
using Npgsql;
using Xunit.Abstractions;

namespace Bot.Tests.Stores;

/// <summary>Two stores' bridges on ONE PostgreSQL database, each in the schema named after its Store__Id, each with
/// its own bot, staff group and seller account: both relay both ways, neither sees the other's rows, each one's
/// /metrics and status page name it, and one store's expired marketplace session leaves the other's pace alone.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
[Harness.RunsLong]
public sealed class TwoStoresOnPostgresTests(ITestOutputHelper output) : IPostgresVariant
{
    private const string Poll = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";

    [DbFact]
    public async Task TwoStores_OnOneDatabase_RelayBothWays_InTheirOwnSchemas_AndNameTheirStoreOnMetricsAndStatus()
    {
        var database = await PostgresServer.CreateEmptyDatabaseAsync();
        await using var a = await StoreRig.CreateAsync("shop-a", 7001, database);
        await using var b = await StoreRig.CreateAsync("shop-b", 7002, database);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());

        var topicA = await a.TopicOfAsync("3001000000001", "Store A buyer: where is my parcel?");
        var topicB = await b.TopicOfAsync("3002000000002", "Store B buyer: can I change the size?");
        a.Telegram.EnqueueMessage(StoreRig.Staff, StoreRig.StaffUser, "Sam", "A staff: it left today.", threadId: topicA);
        b.Telegram.EnqueueMessage(StoreRig.Staff, StoreRig.StaffUser, "Kim", "B staff: yes, which size?", threadId: topicB);
        await Eventually.TrueAsync(() => a.AliExpress.Sent.Any(s => s.Content == "A staff: it left today.") && b.AliExpress.Sent.Any(s => s.Content == "B staff: yes, which size?"), StoreRig.Timeout);

        Assert.DoesNotContain(a.Telegram.SentTo(StoreRig.Staff), m => m.VisibleText?.Contains("Store B", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(b.Telegram.SentTo(StoreRig.Staff), m => m.VisibleText?.Contains("Store A", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(a.AliExpress.Sent, s => s.Content.StartsWith("B ", StringComparison.Ordinal));
        Assert.DoesNotContain(b.AliExpress.Sent, s => s.Content.StartsWith("A ", StringComparison.Ordinal));
        Assert.Equal(["3001000000001"], await OrdersAsync(database, "shop_a"));
        Assert.Equal(["3002000000002"], await OrdersAsync(database, "shop_b"));
        Assert.Equal(0L, await ScalarAsync(database, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'conversations'"));

        var metricsA = await a.PageAsync("/metrics");
        var metricsB = await b.PageAsync("/metrics");
        Assert.Contains("store=\"shop-a\"", Line(metricsA, "bridge_outbox_pending"), StringComparison.Ordinal);
        Assert.Contains("store=\"shop-b\"", Line(metricsB, "bridge_outbox_pending"), StringComparison.Ordinal);
        Assert.All(Series(metricsA), l => Assert.Contains("store=\"shop-a\"", l, StringComparison.Ordinal));
        Assert.DoesNotContain("shop-b", metricsA, StringComparison.Ordinal);
        Assert.Contains("<h1>Bridge shop-a:", await a.PageAsync("/"), StringComparison.Ordinal);
        Assert.Contains("<h1>Bridge shop-b:", await b.PageAsync("/"), StringComparison.Ordinal);
    }

    [DbFact]
    public async Task OneStoresExpiredSession_LeavesTheOtherStoreRelayingAtItsPace()
    {
        var database = await PostgresServer.CreateEmptyDatabaseAsync();
        await using var a = await StoreRig.CreateAsync("shop-a", 7001, database);
        await using var b = await StoreRig.CreateAsync("shop-b", 7002, database);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        var healthy = await RelayTimesAsync(b, "before");

        a.AliExpress.Refuse(Poll, FakeFault.ExpiredSession());
        var refusedBefore = a.AliExpress.CallCount(Poll);
        await Eventually.TrueAsync(() => a.AliExpress.CallCount(Poll) > refusedBefore, StoreRig.Timeout);
        a.AliExpress.AddBuyerMessage("3001000000009", "buyer_a", "Buyer A", "Store A: unseen while the session is expired");
        var during = await RelayTimesAsync(b, "during");

        output.WriteLine($"store B, buyer message to its staff group: {string.Join(", ", healthy.Select(t => $"{t.TotalMilliseconds:F0} ms"))} with store A healthy; {string.Join(", ", during.Select(t => $"{t.TotalMilliseconds:F0} ms"))} with store A's session expired");
        // Each store polls every 200 ms; the bound leaves room for a loaded test machine, the line above the measure.
        Assert.All(during, t => Assert.InRange(t, TimeSpan.Zero, TimeSpan.FromSeconds(10)));
        Assert.DoesNotContain(a.Telegram.SentTo(StoreRig.Staff), m => m.VisibleText?.Contains("unseen", StringComparison.Ordinal) == true);
        Assert.Contains("store=\"shop-a\"", Line(await a.PageAsync("/metrics"), "bridge_part_up{part=\"marketplace\""), StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => Line(await a.PageAsync("/metrics"), "bridge_part_up{part=\"marketplace\"").EndsWith(" 0", StringComparison.Ordinal), StoreRig.Timeout);
        Assert.EndsWith(" 1", Line(await b.PageAsync("/metrics"), "bridge_part_up{part=\"marketplace\""), StringComparison.Ordinal);
    }

    /// <summary>How long each of three buyer messages of <paramref name="store"/> took from the marketplace to its staff group.</summary>
    private static async Task<List<TimeSpan>> RelayTimesAsync(StoreRig store, string phase)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            await store.TopicOfAsync($"300200000010{i}", $"Store B {phase} {i}");
            times.Add(clock.Elapsed);
        }

        return times;
    }

    private static IEnumerable<string> Series(string metrics) =>
        metrics.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#'));

    private static string Line(string metrics, string name) =>
        Series(metrics).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal)) ?? $"(no {name} in /metrics)";

    private static async Task<List<string>> OrdersAsync(string database, string schema)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT external_id FROM {schema}.conversations ORDER BY external_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var orders = new List<string>();
        while (await reader.ReadAsync())
        {
            orders.Add(reader.GetString(0));
        }

        return orders;
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
