using Bot.Stores;
using Bot.Testing;
using Bot.Testing.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bot.Tests.Stores;

/// <summary>Several stores in one process (<c>Stores__Directory</c>), each from its own file with its own bot, staff
/// group and seller account: each relays both ways with its own staff group only, its tables and its /metrics are its
/// own; a file added starts its store and a file removed stops only its store while the others keep relaying. Runs on
/// SQLite (a file per store) and, with BRIDGE_TEST_DATABASE=postgres, on one database with a schema per store.</summary>
public sealed class OneProcessStoresTests
{
    [Fact]
    public async Task TwoStores_InOneProcess_RelayBothWays_EachWithItsOwnStaffGroup_Tables_AndMetrics()
    {
        await using var process = await StoresRig.StartAsync();
        var a = await process.CreateStoreAsync("shop-a", 7001);
        var b = await process.CreateStoreAsync("shop-b", 7002);
        process.Write(a);
        process.Write(b);
        var urlA = await process.RunningAsync("shop-a");
        var urlB = await process.RunningAsync("shop-b");

        var topicA = await a.TopicOfAsync("3001000000001", "Store A buyer: where is my parcel?");
        var topicB = await b.TopicOfAsync("3002000000002", "Store B buyer: can I change the size?");
        a.Telegram.EnqueueMessage(StoreRig.Staff, StoreRig.StaffUser, "Sam", "A staff: it left today.", threadId: topicA);
        b.Telegram.EnqueueMessage(StoreRig.Staff, StoreRig.StaffUser, "Kim", "B staff: yes, which size?", threadId: topicB);
        await Eventually.TrueAsync(() => a.AliExpress.Sent.Any(s => s.Content == "A staff: it left today.") && b.AliExpress.Sent.Any(s => s.Content == "B staff: yes, which size?"), StoreRig.Timeout);

        Assert.NotEqual(urlA, urlB);
        Assert.DoesNotContain(a.Telegram.SentTo(StoreRig.Staff), m => m.VisibleText?.Contains("Store B", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(b.Telegram.SentTo(StoreRig.Staff), m => m.VisibleText?.Contains("Store A", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(a.AliExpress.Sent, s => s.Content.StartsWith("B ", StringComparison.Ordinal));
        Assert.DoesNotContain(b.AliExpress.Sent, s => s.Content.StartsWith("A ", StringComparison.Ordinal));
        Assert.Equal(["3001000000001"], await OrdersAsync(process, "shop-a"));
        Assert.Equal(["3002000000002"], await OrdersAsync(process, "shop-b"));

        var metricsA = await process.GetAsync(urlA + "/metrics");
        var metricsB = await process.GetAsync(urlB + "/metrics");
        Assert.All(Series(metricsA), l => Assert.Contains("store=\"shop-a\"", l, StringComparison.Ordinal));
        Assert.All(Series(metricsB), l => Assert.Contains("store=\"shop-b\"", l, StringComparison.Ordinal));
        Assert.Contains("bridge_messages_received_total", metricsA, StringComparison.Ordinal);
        Assert.Equal(1, Received(metricsA, "buyer"));
        Assert.Equal(1, Received(metricsB, "buyer"));
        Assert.Contains("<h1>Bridge shop-a:", await process.GetAsync(urlA + "/"), StringComparison.Ordinal);
        Assert.Contains("<h1>Bridge shop-b:", await process.GetAsync(urlB + "/"), StringComparison.Ordinal);
        var servicesA = process.Supervisor.Runner("shop-a")!.Services!;
        var servicesB = process.Supervisor.Runner("shop-b")!.Services!;
        Assert.NotSame(servicesA.GetRequiredService<Bot.Core.Outbox.IOutboxRepository>(), servicesB.GetRequiredService<Bot.Core.Outbox.IOutboxRepository>());
        Assert.Same(servicesA.GetRequiredService<Bot.Marketplace.MemoryTrim>(), servicesB.GetRequiredService<Bot.Marketplace.MemoryTrim>()); // the process's collector
    }

    [Fact]
    public async Task AThirdStoresFile_StartsIt_AndRemovingAFile_StopsOnlyThatStore_WhileTheOthersKeepRelaying()
    {
        await using var process = await StoresRig.StartAsync();
        var a = await process.CreateStoreAsync("shop-a", 7001);
        var b = await process.CreateStoreAsync("shop-b", 7002);
        var c = await process.CreateStoreAsync("shop-c", 7003);
        process.Write(a);
        process.Write(b);
        await process.RunningAsync("shop-a");
        var urlB = await process.RunningAsync("shop-b");
        await a.TopicOfAsync("3001000000001", "A before the third store");
        var runnerA = process.Supervisor.Runner("shop-a")!.Services;

        process.Write(c);
        await process.RunningAsync("shop-c");
        await c.TopicOfAsync("3003000000001", "C, the third store, relays");
        await a.TopicOfAsync("3001000000002", "A after the third store came");
        await b.TopicOfAsync("3002000000002", "B after the third store came");
        Assert.Same(runnerA, process.Supervisor.Runner("shop-a")!.Services); // untouched, not restarted

        process.Remove("shop-b");
        await Eventually.TrueAsync(() => process.Status("shop-b") is null, StoreRig.Timeout);
        await Assert.ThrowsAsync<HttpRequestException>(() => process.GetAsync(urlB + "/healthz"));
        var polls = b.AliExpress.CallCount(Poll);
        b.AliExpress.AddBuyerMessage("3002000000003", "buyer_b", "Buyer B", "B after its file was removed");
        await a.TopicOfAsync("3001000000003", "A after B was removed");
        await c.TopicOfAsync("3003000000003", "C after B was removed");

        Assert.Equal(polls, b.AliExpress.CallCount(Poll));
        Assert.DoesNotContain(b.Telegram.SentTo(StoreRig.Staff), m => m.VisibleText?.Contains("after its file was removed", StringComparison.Ordinal) == true);
        Assert.Same(runnerA, process.Supervisor.Runner("shop-a")!.Services);
        Assert.Equal(["shop-a", "shop-c"], process.Supervisor.Stores().Select(s => s.Id));
    }

    private const string Poll = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";

    private static IEnumerable<string> Series(string metrics) =>
        metrics.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#'));

    /// <summary>bridge_messages_received_total of role <paramref name="role"/>.</summary>
    private static double Received(string metrics, string role) =>
        Series(metrics).Where(l => l.StartsWith("bridge_messages_received_total{", StringComparison.Ordinal) && l.Contains($"role=\"{role}\"", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The orders in the store's own conversations table (its SQLite file, or its PostgreSQL schema).</summary>
    private static async Task<List<string>> OrdersAsync(StoresRig process, string store)
    {
        var orders = new List<string>();
        if (PostgresServer.UnderTest)
        {
            await using var connection = new NpgsqlConnection(process.Database);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT external_id FROM {store.Replace('-', '_')}.conversations ORDER BY external_id", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                orders.Add(reader.GetString(0));
            }
        }
        else
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(process.Database, store + ".db")};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = new SqliteCommand("SELECT external_id FROM conversations ORDER BY external_id", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                orders.Add(reader.GetString(0));
            }
        }

        return orders;
    }
}
