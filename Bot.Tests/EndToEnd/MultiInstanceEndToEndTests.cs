using System.Diagnostics;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Testing.Postgres;
using Bot.Tests.Storage;
using Xunit.Abstractions;

namespace Bot.Tests.EndToEnd;

/// <summary>Three bridge processes on one PostgreSQL database relay both ways; the one that polls the marketplace is
/// killed with SIGKILL in the middle of a burst. Nothing is lost, repeats stay within what was in flight, each
/// conversation keeps its order, and a survivor takes polling over within 30 seconds.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
[Harness.RunsLong]
public sealed partial class MultiInstanceEndToEndTests(ITestOutputHelper output) : IPostgresVariant
{
    private const long Staff = BridgeHost.StaffChatId;
    private const long StaffUser = 5001;
    private const int Orders = 6;
    private const string PollTaken = "took the lease marketplace-poll";
    private const string UpdatesTaken = "took the lease telegram-updates";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(180);

    [DbFact]
    public async Task ThreeInstances_RelayBothWays_AndThePollersSigkill_LosesNothing_KeepsOrder_AndPollingPassesOnWithin30s()
    {
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateLimitsEnabled = false });
        telegram.AddSupergroup(Staff, "Store staff");
        await using var aliexpress = await FakeAliExpressServer.StartAsync();
        AddBurst(aliexpress, "a", 10);
        var environment = BridgeProcess.Environment(telegram, aliexpress, Path.Combine(Path.GetTempPath(), "unused.db"));
        environment["ConnectionStrings__Bridge"] = await PostgresServer.CreateEmptyDatabaseAsync();
        // 2 sends a second: the burst takes long enough that the kill lands in the middle of it.
        environment["Telegram__Limits__GlobalPerSecond"] = "2";
        environment["Logging__LogLevel__Bot.Core.Leases"] = "Information";

        // The first one takes both pollers' leases, so the kill below makes the survivors take over both.
        var instances = new List<BridgeProcess> { BridgeProcess.Start(environment) };
        try
        {
            await instances[0].WaitForOutputAsync(l => l.Any(x => x.Contains(PollTaken, StringComparison.Ordinal)) && l.Any(x => x.Contains(UpdatesTaken, StringComparison.Ordinal)), Within);
            Assert.False(instances[0].HasExited, instances[0].Output);
            instances.AddRange(Enumerable.Range(0, 2).Select(_ => BridgeProcess.Start(environment)));

            // Staff answer in every topic while the buyers' messages still arrive.
            var topics = await TopicsAsync(telegram);
            for (var reply = 0; reply < 3; reply++)
            {
                foreach (var (order, topic) in topics)
                {
                    telegram.EnqueueMessage(Staff, StaffUser, "Sam", $"r{order}-{reply}", threadId: topic);
                }
            }

            var poller = await Eventually.ValueAsync(() => instances.SingleOrDefault(i => i.Output.Contains(PollTaken, StringComparison.Ordinal)), Within);
            AddBurst(aliexpress, "b", 10);
            await Eventually.TrueAsync(() => Relayed(telegram).Any(m => m.Contains("-b", StringComparison.Ordinal)), Within);
            var clock = Stopwatch.StartNew();
            await poller.KillAsync();
            AddBurst(aliexpress, "c", 5);
            foreach (var (order, topic) in topics)
            {
                telegram.EnqueueMessage(Staff, StaffUser, "Sam", $"r{order}-3", threadId: topic); // answered by a survivor
            }

            var survivors = instances.Where(i => i != poller).ToList();

            await Eventually.TrueAsync(() => survivors.Any(s => s.Output.Contains(PollTaken, StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
            var takeover = clock.Elapsed;
            await Eventually.TrueAsync(() => survivors.Any(s => s.Output.Contains(UpdatesTaken, StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
            var updatesBy = clock.Elapsed; // an upper bound: checked after polling's takeover
            await Eventually.TrueAsync(() => Relayed(telegram).Any(m => m.Contains("-c", StringComparison.Ordinal)), Within);
            var firstAfter = clock.Elapsed;
            await Eventually.TrueAsync(() => Relayed(telegram).Distinct().Count() == Orders * 25 && Replies(aliexpress).Distinct().Count() == Orders * 4, Within);

            var (resentPosts, resentReplies) = (Resends(telegram.SentTo(Staff).Select(m => m.VisibleText)), Resends(aliexpress.Sent.Select(s => s.Content)));
            output.WriteLine($"polling taken over {takeover.TotalSeconds:F1} s after the SIGKILL; getUpdates taken over by {updatesBy.TotalSeconds:F1} s; first message of the new burst in Telegram after {firstAfter.TotalSeconds:F1} s");
            output.WriteLine($"repeated sends: {resentPosts} staff posts, {resentReplies} marketplace replies; getUpdates answered 409: {Conflicts(telegram)}");

            Assert.Equal(Expected(), Relayed(telegram).Distinct().Order(StringComparer.Ordinal));
            Assert.All(ByOrder(Relayed(telegram)), conversation => Assert.Equal(conversation.Order(StringComparer.Ordinal), conversation));
            Assert.All(ByOrder(Replies(aliexpress)), conversation => Assert.Equal(conversation.Order(StringComparer.Ordinal), conversation));
            Assert.InRange(resentPosts + resentReplies, 0, new Bot.Core.Outbox.OutboxOptions().MaxParallelDeliveries);
            Assert.InRange(takeover, TimeSpan.Zero, TimeSpan.FromSeconds(30));
            Assert.Single(survivors, s => s.Output.Contains(PollTaken, StringComparison.Ordinal)); // one poller at a time
            Assert.InRange(updatesBy, TimeSpan.Zero, TimeSpan.FromSeconds(30));
            Assert.Single(survivors, s => s.Output.Contains(UpdatesTaken, StringComparison.Ordinal));
            Assert.Equal(0, Conflicts(telegram));
            Assert.Equal(Orders, telegram.Topics(Staff).Count);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static void AddBurst(FakeAliExpressServer aliexpress, string phase, int perOrder)
    {
        for (var i = 0; i < perOrder; i++)
        {
            for (var order = 0; order < Orders; order++)
            {
                aliexpress.AddBuyerMessage($"81000{order}", $"buyer{order}", $"Buyer {order}", $"o{order}-{phase}{i:D2}");
            }
        }
    }

    private static async Task<List<(int Order, int Topic)>> TopicsAsync(FakeTelegramServer telegram)
    {
        var topics = new List<(int, int)>();
        for (var order = 0; order < Orders; order++)
        {
            var name = $"81000{order}";
            var topic = await Eventually.ValueAsync(() => telegram.Topics(Staff).FirstOrDefault(t => t.Name.Contains(name, StringComparison.Ordinal) && telegram.SentTo(Staff, t.ThreadId).Count > 0), Within);
            topics.Add((order, topic.ThreadId));
        }

        return topics;
    }

    private static List<string> Expected() =>
        Enumerable.Range(0, Orders).SelectMany(o => new[] { ("a", 10), ("b", 10), ("c", 5) }.SelectMany(p => Enumerable.Range(0, p.Item2).Select(i => $"o{o}-{p.Item1}{i:D2}")))
            .Order(StringComparer.Ordinal).ToList();
}
