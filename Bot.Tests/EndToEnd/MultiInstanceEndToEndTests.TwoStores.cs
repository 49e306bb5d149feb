using System.Diagnostics;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Postgres;
using Bot.Tests.Storage;

namespace Bot.Tests.EndToEnd;

/// <summary>Two stores on one PostgreSQL database (each in its own schema, with its own bot and marketplace account),
/// served by three processes: two instances of store A, one of store B. Store A's poller is killed with SIGKILL in the
/// middle of a burst both stores receive: neither store loses a message or a reply, each conversation keeps its order,
/// A's repeats stay within what was in flight and B repeats nothing, and A's survivor takes polling over within 30 s.</summary>
public sealed partial class MultiInstanceEndToEndTests
{
    [DbFact]
    public async Task TwoStores_OnThreeInstances_RelayBothWays_AndOneStoresPollerSigkill_LosesNothing_KeepsOrder_AndPassesOnWithin30s()
    {
        var database = await PostgresServer.CreateEmptyDatabaseAsync();
        await using var telegramA = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateLimitsEnabled = false, BotUserId = 700001 });
        await using var telegramB = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateLimitsEnabled = false, BotUserId = 700002 });
        await using var aliexpressA = await FakeAliExpressServer.StartAsync();
        await using var aliexpressB = await FakeAliExpressServer.StartAsync();
        var stores = new[] { (Telegram: telegramA, AliExpress: aliexpressA), (Telegram: telegramB, AliExpress: aliexpressB) };
        foreach (var (telegram, aliexpress) in stores)
        {
            telegram.AddSupergroup(Staff, "Store staff");
            AddBurst(aliexpress, "a", 10);
        }

        var environmentA = StoreEnvironment(telegramA, aliexpressA, database, "shop-a");
        var environmentB = StoreEnvironment(telegramB, aliexpressB, database, "shop-b");
        var first = BridgeProcess.Start(environmentA);
        var instances = new List<BridgeProcess> { first };
        try
        {
            await first.WaitForOutputAsync(l => l.Any(x => x.Contains(PollTaken, StringComparison.Ordinal)) && l.Any(x => x.Contains(UpdatesTaken, StringComparison.Ordinal)), Within);
            instances.Add(BridgeProcess.Start(environmentA));
            instances.Add(BridgeProcess.Start(environmentB));

            var topics = new List<List<(int Order, int Topic)>>();
            foreach (var (telegram, _) in stores)
            {
                topics.Add(await TopicsAsync(telegram));
            }

            Reply(stores, topics, 0, 3);
            foreach (var (_, aliexpress) in stores)
            {
                AddBurst(aliexpress, "b", 10);
            }

            await Eventually.TrueAsync(() => Relayed(telegramA).Any(m => m.Contains("-b", StringComparison.Ordinal)), Within);
            var clock = Stopwatch.StartNew();
            await first.KillAsync();
            foreach (var (_, aliexpress) in stores)
            {
                AddBurst(aliexpress, "c", 5);
            }

            Reply(stores, topics, 3, 4);
            var survivor = instances[1];
            await Eventually.TrueAsync(() => survivor.Output.Contains(PollTaken, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            var takeover = clock.Elapsed;
            foreach (var (telegram, aliexpress) in stores)
            {
                await Eventually.TrueAsync(() => Relayed(telegram).Distinct().Count() == Orders * 25 && Replies(aliexpress).Distinct().Count() == Orders * 4, Within);
            }

            var resent = stores.Select(s => Resends(s.Telegram.SentTo(Staff).Select(m => m.VisibleText)) + Resends(s.AliExpress.Sent.Select(x => x.Content))).ToList();
            output.WriteLine($"store A's polling taken over {takeover.TotalSeconds:F1} s after the SIGKILL; repeated sends: store A {resent[0]}, store B {resent[1]}");

            foreach (var (telegram, aliexpress) in stores)
            {
                Assert.Equal(Expected(), Relayed(telegram).Distinct().Order(StringComparer.Ordinal));
                Assert.All(ByOrder(Relayed(telegram)), conversation => Assert.Equal(conversation.Order(StringComparer.Ordinal), conversation));
                Assert.All(ByOrder(Replies(aliexpress)), conversation => Assert.Equal(conversation.Order(StringComparer.Ordinal), conversation));
                Assert.Equal(0, Conflicts(telegram));
                Assert.Equal(Orders, telegram.Topics(Staff).Count);
            }

            Assert.InRange(resent[0], 0, new Bot.Core.Outbox.OutboxOptions().MaxParallelDeliveries);
            Assert.Equal(0, resent[1]); // store B's instance was never touched
            Assert.InRange(takeover, TimeSpan.Zero, TimeSpan.FromSeconds(30));
            Assert.Contains(PollTaken, instances[2].Output, StringComparison.Ordinal); // store B polls in its own schema's lease
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static Dictionary<string, string?> StoreEnvironment(FakeTelegramServer telegram, FakeAliExpressServer aliexpress, string database, string store)
    {
        var environment = BridgeProcess.Environment(telegram, aliexpress, Path.Combine(Path.GetTempPath(), "unused.db"));
        environment["ConnectionStrings__Bridge"] = database;
        environment["Store__Id"] = store;
        environment["Telegram__Limits__GlobalPerSecond"] = "2"; // the kill lands in the middle of the burst
        environment["Logging__LogLevel__Bot.Core.Leases"] = "Information";
        return environment;
    }

    /// <summary>Staff replies r{order}-{n} for n in [from, to) in every topic of both stores.</summary>
    private static void Reply((FakeTelegramServer Telegram, FakeAliExpressServer AliExpress)[] stores, List<List<(int Order, int Topic)>> topics, int from, int to)
    {
        for (var reply = from; reply < to; reply++)
        {
            for (var store = 0; store < stores.Length; store++)
            {
                foreach (var (order, topic) in topics[store])
                {
                    stores[store].Telegram.EnqueueMessage(Staff, StaffUser, "Sam", $"r{order}-{reply}", threadId: topic);
                }
            }
        }
    }
}
