using System.Diagnostics;
using System.Text.Json;
using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Core.Feedback;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Bot.Testing.BotApi;
using Bot.TelegramApi;
using Telegram.Bot;

namespace Bot.Benchmarks.Scenarios;

/// <summary>Scenario 2: a burst to 40 topics of one staff supergroup and 60 private buyer chats, delivered to the fake
/// Bot API server (real HTTP on 127.0.0.1, Telegram's limits on) by the bridge, and by the naive way as the
/// baseline. Both run in simulated time (<see cref="SimulatedClock"/>), which drives the core's limiter and the fake's
/// limits alike.</summary>
public sealed class SchedulingScenario(Report report)
{
    private const int Topics = 40;
    private const int Buyers = 60;
    private const int GroupMessages = 300;
    private const int PrivateMessages = 300;
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public async Task RunAsync()
    {
        var plan = new BurstPlan(Topics, GroupMessages, Buyers, PrivateMessages);
        report.BeginScenario($"2. Scheduling: burst of {plan.Sends.Count} messages ({plan.GroupCount} to {Topics} topics of one supergroup, {plan.PrivateCount} to {Buyers} private chats), fake Telegram with limits 20/min per group, 1/s per private chat, 30/s overall; simulated time");
        var minimum = plan.TheoreticalMinimum(groupPerMinute: 20, privatePerSecond: 1, globalPerSecond: 30);

        var stopwatch = Stopwatch.StartNew();
        var bridge = await RunBridgeAsync(plan, coldTopics: false);
        var bridgeSeconds = stopwatch.Elapsed.TotalSeconds;
        var cold = await RunBridgeAsync(plan, coldTopics: true);
        stopwatch.Restart();
        var defaults = new TelegramBotClientOptions("1:x");
        var naive = await RunNaiveAsync(plan, defaults.RetryThreshold, defaults.RetryCount);
        var naiveSeconds = stopwatch.Elapsed.TotalSeconds;

        var reference = $"theoretical minimum {Report.Seconds(minimum.TotalSeconds)} (last of {plan.GroupCount} group messages at 20/min)";
        report.Add(new Figure(
            "Bridge: completion time (last message accepted)", Report.Seconds(bridge.Completion.TotalSeconds),
            $"{reference}; {Percent(minimum, bridge.Completion)} of the theoretical rate"));
        report.Add(new Figure(
            "Bridge: 429 answers / messages lost", $"{bridge.RateLimited} / {bridge.Lost}",
            $"{bridge.Accepted} of {plan.Sends.Count} accepted",
            Report.Verdict(bridge.RateLimited == 0 && bridge.Lost == 0 && minimum / bridge.Completion >= 0.9, "target ≥ 90% of the theoretical rate with zero 429s")));
        report.Add(new Figure(
            "Bridge: private chats done / median private message", $"{Report.Seconds(bridge.PrivateDone.TotalSeconds)} / {Report.Seconds(bridge.PrivateMedian.TotalSeconds)}",
            $"minimum {Report.Seconds(plan.TheoreticalMinimumPrivate(1, 30).TotalSeconds)} (5 per chat at 1/s)"));
        report.Add(new Figure(
            $"Naive (in order, library retries: RetryThreshold {defaults.RetryThreshold} s, RetryCount {defaults.RetryCount}): completion time",
            Report.Seconds(naive.Completion.TotalSeconds), $"{reference}; {Percent(minimum, naive.Completion)} of the theoretical rate"));
        report.Add(new Figure("Naive: 429 answers / messages lost", $"{naive.RateLimited} / {naive.Lost}", $"{naive.Accepted} of {plan.Sends.Count} accepted"));
        report.Add(new Figure(
            "Naive: private chats done / median private message", $"{Report.Seconds(naive.PrivateDone.TotalSeconds)} / {Report.Seconds(naive.PrivateMedian.TotalSeconds)}",
            "same burst, same arrival order"));
        // The same burst opening its conversations: each topic costs two more group calls (createForumTopic, order card).
        var coldMinimum = plan.TheoreticalMinimum(groupPerMinute: 20, privatePerSecond: 1, globalPerSecond: 30, extraGroupSends: 2 * Topics);
        report.Add(new Figure(
            "Bridge, burst that also creates its 40 topics: completion / 429s / lost", $"{Report.Seconds(cold.Completion.TotalSeconds)} / {cold.RateLimited} / {cold.Lost}",
            $"theoretical minimum {Report.Seconds(coldMinimum.TotalSeconds)} ({plan.GroupCount + 2 * Topics} group calls); {Percent(coldMinimum, cold.Completion)} of the theoretical rate",
            Report.Verdict(cold.RateLimited == 0 && cold.Lost == 0 && coldMinimum / cold.Completion >= 0.9, "target ≥ 90% of the theoretical rate with zero 429s")));
        report.Add(new Figure(
            "Bridge, same: private chats done / median private message", $"{Report.Seconds(cold.PrivateDone.TotalSeconds)} / {Report.Seconds(cold.PrivateMedian.TotalSeconds)}",
            $"minimum {Report.Seconds(plan.TheoreticalMinimumPrivate(1, 30).TotalSeconds)} (5 per chat at 1/s)"));
        Report.Note($"Real time: bridge {bridgeSeconds:N0} s, naive {naiveSeconds:N0} s, for {bridge.Completion.TotalMinutes:N0} and {naive.Completion.TotalMinutes:N0} simulated minutes.");
    }

    private static string Percent(TimeSpan minimum, TimeSpan measured) =>
        measured <= TimeSpan.Zero ? "-" : $"{minimum / measured * 100:N1}%";

    private static async Task<BurstOutcome> RunBridgeAsync(BurstPlan plan, bool coldTopics)
    {
        var clock = new SimulatedClock(Start);
        using var pump = new SimulationPump(clock);
        await using var server = await StartTelegramAsync(clock, plan);
        using var http = new HttpClient();
        // As the host configures it: the library's own 429 retries off (TelegramHostExtensions).
        var bot = new TelegramBotClient(new TelegramBotClientOptions(server.Token, server.BaseUrl) { RetryCount = 0 }, http);
        var marketplace = new GeneratedMarketplace(Topics, Topics, 500);
        // One Telegram message per stored message: this scenario measures the pacing; scenario 5 (budget) measures merging.
        var settings = new Dictionary<string, string?> { ["Relay:MergePosts"] = "false" };
        await using var core = await BenchCore.StartAsync(new TrackedChatGateway(new TelegramChatGateway(bot), pump), marketplace, clock, unlimited: false, settings: settings);
        var ingestor = core.Get<MarketplaceIngestor>();
        var begin = DateTimeOffset.MinValue;
        var before = 0;

        pump.Run(async () =>
        {
            if (coldTopics)
            {
                marketplace.Total = 0; // The burst opens the conversations, so their topics are created during it.
            }
            else
            {
                // Warm-up: one message per conversation creates the 40 topics; then the budgets are left to refill.
                while (await ingestor.PollOnceAsync(CancellationToken.None))
                {
                }

                await WorkUntilEmptyAsync(core, clock);
                await Task.Delay(TimeSpan.FromSeconds(61), clock);
            }

            begin = clock.GetUtcNow();
            before = server.RateLimitedCount;
            marketplace.Total += plan.GroupCount;
            while (await ingestor.PollOnceAsync(CancellationToken.None))
            {
            }

            await EnqueueNoticesAsync(core, plan);
            await WorkUntilEmptyAsync(core, clock);
        });
        return BurstOutcome.From(server.Requests, begin, plan.Sends.Count + (coldTopics ? Topics : 0), server.RateLimitedCount - before);
    }

    private static async Task<BurstOutcome> RunNaiveAsync(BurstPlan plan, int retryThreshold, int retryCount)
    {
        var clock = new SimulatedClock(Start);
        using var pump = new SimulationPump(clock);
        await using var server = await StartTelegramAsync(clock, plan);
        using var http = new HttpClient();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(server.Token, server.BaseUrl) { RetryCount = 0 }, http);
        var naive = new NaiveSender(bot, pump, clock, retryThreshold, retryCount);
        var begin = DateTimeOffset.MinValue;
        var before = 0;

        pump.Run(async () =>
        {
            var topicOf = new Dictionary<int, int>();
            for (var t = 0; t < Topics; t++)
            {
                topicOf[t] = (await naive.CreateTopicAsync(BurstPlan.StaffChatId, $"Order {t}")).MessageThreadId;
            }

            await Task.Delay(TimeSpan.FromSeconds(61), clock);
            begin = clock.GetUtcNow();
            before = server.RateLimitedCount;
            await naive.SendAllAsync(plan.Sends, topicOf);
        });
        return BurstOutcome.From(server.Requests, begin, plan.Sends.Count, server.RateLimitedCount - before);
    }

    private static async Task<FakeTelegramServer> StartTelegramAsync(SimulatedClock clock, BurstPlan plan)
    {
        var server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { TimeProvider = clock });
        server.AddSupergroup(BurstPlan.StaffChatId, "Staff");
        for (var i = 0; i < plan.Buyers; i++)
        {
            server.AddPrivateChat(BurstPlan.FirstBuyerChatId + i, $"Buyer{i}");
        }

        return server;
    }

    internal static async Task EnqueueNoticesAsync(BenchCore core, BurstPlan plan)
    {
        var outbox = core.Get<IOutboxRepository>();
        await using var session = await DbSession.BeginAsync(core.Get<IDbConnectionFactory>(), CancellationToken.None);
        foreach (var send in plan.Sends.Where(s => s.ChatId > 0))
        {
            var payload = JsonSerializer.Serialize(new NoticePayload(send.ChatId, null, send.Text));
            await outbox.EnqueueAsync(session, new OutboxEntry(OutboxKinds.Notice, OutboxKinds.ChatLane(send.ChatId), ChatId: send.ChatId, Payload: payload));
        }

        await session.CommitAsync(CancellationToken.None);
    }

    /// <summary>The host's OutboxWorker loop, in simulated time: dispatch while anything goes; otherwise sleep until the
    /// next item is due, between 100 ms and 1 s, unless something was enqueued meanwhile.</summary>
    internal static async Task WorkUntilEmptyAsync(BenchCore core, TimeProvider clock)
    {
        var dispatcher = core.Get<OutboxDispatcher>();
        var store = core.Get<IOutboxRepository>();
        var signal = core.Get<OutboxSignal>();
        while (true)
        {
            if (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
            {
                continue;
            }

            if ((await store.GetStatsAsync(CancellationToken.None)).Pending == 0)
            {
                return;
            }

            var next = await dispatcher.NextDueAsync(CancellationToken.None);
            var wait = next is { } due ? due - clock.GetUtcNow() : TimeSpan.FromSeconds(1);
            wait = wait < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : wait > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
            if (!await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None))
            {
                await Task.Delay(wait, clock);
            }
        }
    }
}
