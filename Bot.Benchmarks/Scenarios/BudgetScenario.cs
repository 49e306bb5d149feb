using System.Globalization;
using Bot.Benchmarks.Infrastructure;
using Bot.Benchmarks.Reporting;
using Bot.Core.MarketplaceRelay;
using Bot.Testing.BotApi;
using Bot.TelegramApi;
using Telegram.Bot;

namespace Bot.Benchmarks.Scenarios;

/// <summary>Scenario 5: Telegram's budget. The same bursts with staff posts merged while they wait (and a new
/// conversation's card carrying its first messages) and with one Telegram message per stored message, as before, in
/// the same run: the fake Bot API over real HTTP with its limits on, in simulated time (as scenario 2).</summary>
public sealed class BudgetScenario(Report report)
{
    private const long SecondGroup = BenchCore.StaffChatId - 1;
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public async Task RunAsync()
    {
        report.BeginScenario("5. Telegram's budget: merged staff posts against one message per send, fake Telegram with limits 20/min per group, 1/s per private chat, 30/s overall; simulated time");
        // 60 buyer messages, 5 to each of 12 orders new to the bridge, all at once.
        var newOrdersBefore = await RunOnceAsync(conversations: 12, messages: 60, buyers: 0, warmTopics: false, merge: false);
        var newOrders = await RunOnceAsync(conversations: 12, messages: 60, buyers: 0, warmTopics: false, merge: true);
        report.Add(new Figure("60 messages over 12 new orders, one message per send (as before)", newOrdersBefore.Describe(), "12 topics + 12 cards + 60 posts = 84 group calls: minimum 240.0 s"));
        report.Add(new Figure(
            "60 messages over 12 new orders, merged", newOrders.Describe(), "12 topics + 12 messages (card and the order's 5 messages) = 24 group calls: minimum 60.0 s",
            Report.Verdict(newOrders.Completion <= TimeSpan.FromSeconds(90) && newOrders.RateLimited == 0 && newOrders.Lost == 0, "target ≤ 90 s with zero 429s")));
        var twoGroups = await RunOnceAsync(conversations: 12, messages: 60, buyers: 0, warmTopics: false, merge: true, groups: 2);
        report.Add(new Figure(
            "60 messages over 12 new orders, merged, two staff groups", twoGroups.Describe(), "24 group calls, 12 per group: within each group's first minute (30/s overall: minimum 0.0 s)",
            Report.Verdict(twoGroups.Completion <= TimeSpan.FromSeconds(45) && twoGroups.RateLimited == 0 && twoGroups.Lost == 0, "target ≤ 45 s (half of 90 s) with zero 429s")));
        var twoGroupsBig = await RunOnceAsync(conversations: 48, messages: 240, buyers: 0, warmTopics: false, merge: true, groups: 2);
        var oneGroupBig = await RunOnceAsync(conversations: 48, messages: 240, buyers: 0, warmTopics: false, merge: true);
        report.Add(new Figure("240 messages over 48 new orders, merged, one staff group", oneGroupBig.Describe(), "96 group calls: minimum 240.0 s"));
        report.Add(new Figure("240 messages over 48 new orders, merged, two staff groups", twoGroupsBig.Describe(), "48 group calls per group: minimum 120.0 s"));

        // Scenario 2's burst: 300 buyer messages to 40 existing topics and 300 notices to 60 private chats.
        var burstBefore = await RunOnceAsync(conversations: 40, messages: 300, buyers: 60, warmTopics: true, merge: false);
        var burst = await RunOnceAsync(conversations: 40, messages: 300, buyers: 60, warmTopics: true, merge: true);
        report.Add(new Figure("Burst of 600 (300 to 40 topics, 300 to 60 private chats), one message per send", burstBefore.Describe(), $"private chats done {Report.Seconds(burstBefore.PrivateDone.TotalSeconds)}"));
        report.Add(new Figure(
            "Burst of 600, merged", burst.Describe(), $"private chats done {Report.Seconds(burst.PrivateDone.TotalSeconds)} (minimum 4.0 s: 5 per chat at 1/s)",
            Report.Verdict(burst.RateLimited == 0 && burst.Lost == 0 && burst.PrivateDone <= burstBefore.PrivateDone + TimeSpan.FromSeconds(1), "zero 429s; buyers' chats wait no longer than before")));
    }

    private static async Task<BudgetRun> RunOnceAsync(int conversations, int messages, int buyers, bool warmTopics, bool merge, int groups = 1)
    {
        var clock = new SimulatedClock(Start);
        using var pump = new SimulationPump(clock);
        await using var server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { TimeProvider = clock });
        server.AddSupergroup(BenchCore.StaffChatId, "Staff");
        long[] staffChats = groups == 2 ? [BenchCore.StaffChatId, SecondGroup] : [BenchCore.StaffChatId];
        if (groups == 2)
        {
            server.AddSupergroup(SecondGroup, "Staff 2");
        }
        for (var i = 0; i < buyers; i++)
        {
            server.AddPrivateChat(BurstPlan.FirstBuyerChatId + i, $"Buyer{i}");
        }

        using var http = new HttpClient();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(server.Token, server.BaseUrl) { RetryCount = 0 }, http);
        var warm = warmTopics ? conversations : 0;
        var marketplace = new GeneratedMarketplace(conversations, 0, 500, text: i => i < warm ? "Hello" : $"#{i.ToString(CultureInfo.InvariantCulture)} Hello, when will my order ship?");
        var settings = new Dictionary<string, string?> { ["Relay:MergePosts"] = merge ? "true" : "false" };
        if (groups == 2)
        {
            settings["Telegram:StaffChatIds:0"] = SecondGroup.ToString(CultureInfo.InvariantCulture);
        }

        await using var core = await BenchCore.StartAsync(new TrackedChatGateway(new TelegramChatGateway(bot), pump), marketplace, clock, unlimited: false, settings: settings);
        var ingestor = core.Get<MarketplaceIngestor>();
        var begin = DateTimeOffset.MinValue;
        var before = 0;
        pump.Run(async () =>
        {
            if (warmTopics)
            {
                marketplace.Total = warm; // one message per conversation creates the topics; then the budgets refill
                while (await ingestor.PollOnceAsync(CancellationToken.None))
                {
                }

                await SchedulingScenario.WorkUntilEmptyAsync(core, clock);
                await Task.Delay(TimeSpan.FromSeconds(61), clock);
            }

            begin = clock.GetUtcNow();
            before = server.RateLimitedCount;
            marketplace.Total = warm + messages;
            while (await ingestor.PollOnceAsync(CancellationToken.None))
            {
            }

            if (buyers > 0)
            {
                await SchedulingScenario.EnqueueNoticesAsync(core, new BurstPlan(conversations, 0, buyers, 5 * buyers));
            }

            await SchedulingScenario.WorkUntilEmptyAsync(core, clock);
        });
        return BudgetRun.From(server, staffChats, begin, messages, server.RateLimitedCount - before);
    }
}
