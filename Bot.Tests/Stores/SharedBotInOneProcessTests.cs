using System.Text.RegularExpressions;
using Bot.Stores;
using Bot.Testing;
using Bot.Testing.BotApi;

namespace Bot.Tests.Stores;

/// <summary>Stores of one process that share one bot token: the process polls the bot once (the fake Bot API ends a
/// getUpdates with 409 when another one comes for the bot, so a second poller would show) and hands each update to its
/// store: a staff group's to the store whose group it is, a private chat's to the store that invited or linked the
/// buyer, an unknown private chat's to one store, which answers it once. Removing one of the stores keeps the others
/// relaying, a store added on the bot joins the running poll, and the stores keep to one send budget for the bot. Runs
/// on SQLite (a file per store) and, with BRIDGE_TEST_DATABASE=postgres, on one database with a schema per store.</summary>
[Harness.RunsLong]
public sealed partial class SharedBotInOneProcessTests
{
    private const long StaffA = StoreRig.Staff;
    private const long StaffB = -1001000000002;
    private const long StaffC = -1001000000003;
    private const long Buyer = 424242;
    private const long Stranger = 666;

    [Fact]
    public async Task TwoStoresOnOneBot_RelayBothWays_EachWithItsOwnStaffGroup_AndAnUnknownPrivateChatIsAnsweredOnce()
    {
        await using var process = await StoresRig.StartAsync();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { BotUserId = 7001, RateLimitsEnabled = false });
        var (a, b) = await RunningOnOneBotAsync(process, telegram);

        var topicA = await a.TopicOfAsync("3001000000001", "Store A buyer: where is my parcel?");
        var topicB = await b.TopicOfAsync("3002000000002", "Store B buyer: can I change the size?");
        telegram.EnqueueMessage(StaffA, StoreRig.StaffUser, "Sam", "A staff: it left today.", threadId: topicA);
        telegram.EnqueueMessage(StaffB, StoreRig.StaffUser, "Kim", "B staff: yes, which size?", threadId: topicB);
        await Eventually.TrueAsync(() => a.AliExpress.Sent.Any(s => s.Content == "A staff: it left today.") && b.AliExpress.Sent.Any(s => s.Content == "B staff: yes, which size?"), StoreRig.Timeout);

        telegram.AddPrivateChat(Stranger, "Mallory");
        telegram.EnqueueMessage(Stranger, Stranger, "Mallory", "hello, who are you?");
        var answer = await Eventually.ValueAsync(() => telegram.SentTo(Stranger).FirstOrDefault(), StoreRig.Timeout);
        telegram.EnqueueMessage(StaffA, StoreRig.StaffUser, "Sam", "A staff: after the stranger.", threadId: topicA);
        await Eventually.TrueAsync(() => a.AliExpress.Sent.Any(s => s.Content == "A staff: after the stranger."), StoreRig.Timeout);

        Assert.Contains("open the invitation link", answer.VisibleText, StringComparison.Ordinal); // how to start, as a store alone on its bot says
        Assert.Single(telegram.SentTo(Stranger)); // one store answered, not each
        Assert.DoesNotContain(a.AliExpress.Sent, s => s.Content.StartsWith("B ", StringComparison.Ordinal));
        Assert.DoesNotContain(b.AliExpress.Sent, s => s.Content.StartsWith("A ", StringComparison.Ordinal));
        Assert.DoesNotContain(telegram.SentTo(StaffA), m => m.VisibleText?.Contains("Store B", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(telegram.SentTo(StaffB), m => m.VisibleText?.Contains("Store A", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(telegram.Requests, r => r.StatusCode == 409);
    }

    [Fact]
    public async Task ABuyerInvitedByStoreB_TalksInPrivate_AndReachesStoreBOnly()
    {
        await using var process = await StoresRig.StartAsync();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { BotUserId = 7001, RateLimitsEnabled = false });
        var (a, b) = await RunningOnOneBotAsync(process, telegram);
        await a.TopicOfAsync("3001000000001", "Store A buyer: hello");
        var topicB = await b.TopicOfAsync("3002000000002", "Store B buyer: hello");

        telegram.EnqueueMessage(StaffB, StoreRig.StaffUser, "Kim", "/invite", threadId: topicB);
        var invitation = await Eventually.ValueAsync(() => b.AliExpress.Sent.FirstOrDefault(s => s.Content.Contains("?start=", StringComparison.Ordinal)), StoreRig.Timeout);
        var code = Code().Match(invitation.Content).Groups[1].Value;
        telegram.AddPrivateChat(Buyer, "Ana");
        telegram.EnqueueMessage(Buyer, Buyer, "Ana", "/start " + code);
        await Eventually.TrueAsync(() => telegram.SentTo(StaffB, topicB).Any(m => m.VisibleText?.Contains("linked Telegram", StringComparison.Ordinal) == true), StoreRig.Timeout);
        telegram.EnqueueMessage(Buyer, Buyer, "Ana", "Written in Telegram to store B.");
        await Eventually.TrueAsync(() => telegram.SentTo(StaffB, topicB).Any(m => m.VisibleText?.Contains("Written in Telegram to store B.", StringComparison.Ordinal) == true), StoreRig.Timeout);
        telegram.EnqueueMessage(StaffB, StoreRig.StaffUser, "Kim", "B staff: got it in Telegram.", threadId: topicB);
        await Eventually.TrueAsync(() => telegram.SentTo(Buyer).Any(m => m.VisibleText?.Contains("B staff: got it in Telegram.", StringComparison.Ordinal) == true), StoreRig.Timeout);

        Assert.DoesNotContain(telegram.SentTo(StaffA), m => m.VisibleText?.Contains("Written in Telegram", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(telegram.SentTo(StaffA), m => m.VisibleText?.Contains("linked Telegram", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(a.AliExpress.Sent, s => s.Content.Contains("Written in Telegram", StringComparison.Ordinal));
        Assert.DoesNotContain(telegram.SentTo(Buyer), m => m.VisibleText?.Contains("open the invitation link", StringComparison.Ordinal) == true); // never "not linked"
    }

    [Fact]
    public async Task RemovingOneStoreOfTheBot_KeepsTheOtherRelaying_AndAThirdStoreJoinsTheRunningPoll()
    {
        await using var process = await StoresRig.StartAsync();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { BotUserId = 7001, RateLimitsEnabled = false });
        var (a, b) = await RunningOnOneBotAsync(process, telegram);
        var c = await process.CreateStoreOnBotAsync("shop-c", telegram, StaffC);
        await a.TopicOfAsync("3001000000001", "A before the removal");
        await b.TopicOfAsync("3002000000001", "B before the removal");

        process.Remove("shop-a");
        await Eventually.TrueAsync(() => process.Status("shop-a") is null, StoreRig.Timeout);
        var topicB = await b.TopicOfAsync("3002000000002", "B after A was removed");
        telegram.EnqueueMessage(StaffB, StoreRig.StaffUser, "Kim", "B staff: after A was removed.", threadId: topicB);
        await Eventually.TrueAsync(() => b.AliExpress.Sent.Any(s => s.Content == "B staff: after A was removed."), StoreRig.Timeout);

        process.Write(c);
        await process.RunningAsync("shop-c");
        var topicC = await c.TopicOfAsync("3003000000001", "C joined the bot");
        telegram.EnqueueMessage(StaffC, StoreRig.StaffUser, "Lee", "C staff: hello from the third store.", threadId: topicC);
        telegram.EnqueueMessage(StaffB, StoreRig.StaffUser, "Kim", "B staff: beside the third store.", threadId: topicB);
        await Eventually.TrueAsync(() => c.AliExpress.Sent.Any(s => s.Content == "C staff: hello from the third store.") && b.AliExpress.Sent.Any(s => s.Content == "B staff: beside the third store."), StoreRig.Timeout);

        Assert.DoesNotContain(telegram.Requests, r => r.StatusCode == 409);
        Assert.DoesNotContain(b.AliExpress.Sent, s => s.Content.StartsWith("C ", StringComparison.Ordinal));
        Assert.DoesNotContain(c.AliExpress.Sent, s => s.Content.StartsWith("B ", StringComparison.Ordinal));
        Assert.Equal(["shop-b", "shop-c"], process.Supervisor.Stores().Select(s => s.Id));
    }

    [Fact]
    public async Task AnUpdateForAStoreThatRestarts_WaitsForIt_WhileTheOtherStoreOfTheBotRelays()
    {
        await using var process = await StoresRig.StartAsync();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { BotUserId = 7001, RateLimitsEnabled = false });
        var (a, b) = await RunningOnOneBotAsync(process, telegram);
        var topicA = await a.TopicOfAsync("3001000000001", "A before its restart");
        var topicB = await b.TopicOfAsync("3002000000001", "B before A's restart");
        var runnerA = process.Supervisor.Runner("shop-a")!;

        a.Settings["Relay:StaffLanguage"] = "en";
        process.Write(a);
        await Eventually.TrueAsync(() => runnerA.Services is null, StoreRig.Timeout); // draining or starting again
        telegram.EnqueueMessage(StaffA, StoreRig.StaffUser, "Sam", "A staff: written while A restarts.", threadId: topicA);
        telegram.EnqueueMessage(StaffB, StoreRig.StaffUser, "Kim", "B staff: written while A restarts.", threadId: topicB);

        await Eventually.TrueAsync(() => b.AliExpress.Sent.Any(s => s.Content == "B staff: written while A restarts."), StoreRig.Timeout);
        await Eventually.TrueAsync(() => a.AliExpress.Sent.Any(s => s.Content == "A staff: written while A restarts."), StoreRig.Timeout);
        // Taken by A's draining bridge (a drain finishes what it took) or by the restarted one: A's either way, and once.
        await Eventually.TrueAsync(() => process.Status("shop-a")!.State == StoreState.Running, StoreRig.Timeout);
        Assert.Single(a.AliExpress.Sent, s => s.Content == "A staff: written while A restarts.");
        Assert.DoesNotContain(b.AliExpress.Sent, s => s.Content.StartsWith("A ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoStoresOnOneBot_SendingAtOnce_KeepToTheBotsOneBudget()
    {
        // The fake refuses more than 10 sends a second for the bot; each store may send 5 a second, so two stores that
        // each kept a budget of their own would send up to 20 and earn 429s, while one shared budget leaves room for
        // sends that a busy machine delays and delivers bunched.
        await using var process = await StoresRig.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:Limits:GlobalPerSecond"] = "5",
            ["Telegram:Limits:GroupPerMinute"] = "1000",
        });
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions
        {
            BotUserId = 7001,
            GlobalLimit = new RateLimit(10, TimeSpan.FromSeconds(1)),
            GroupChatLimit = new RateLimit(1000, TimeSpan.FromMinutes(1)),
        });
        var (a, b) = await RunningOnOneBotAsync(process, telegram);
        await a.TopicOfAsync("3001000000000", "A is up");
        await b.TopicOfAsync("3002000000000", "B is up");

        const int Orders = 15;
        for (var i = 1; i <= Orders; i++)
        {
            a.AliExpress.AddBuyerMessage($"30010000001{i:D2}", $"buyer_a{i}", $"Buyer A{i}", $"A burst {i}");
            b.AliExpress.AddBuyerMessage($"30020000001{i:D2}", $"buyer_b{i}", $"Buyer B{i}", $"B burst {i}");
        }

        await Eventually.TrueAsync(
            () => Posted(telegram, StaffA, "A burst ") == Orders && Posted(telegram, StaffB, "B burst ") == Orders,
            TimeSpan.FromSeconds(60));

        Assert.Equal(0, telegram.RateLimitedCount);
    }

    /// <summary>Stores shop-a and shop-b on the same bot, each with its own staff group, both running.</summary>
    private static async Task<(StoreRig A, StoreRig B)> RunningOnOneBotAsync(StoresRig process, FakeTelegramServer telegram)
    {
        var a = await process.CreateStoreOnBotAsync("shop-a", telegram, StaffA);
        var b = await process.CreateStoreOnBotAsync("shop-b", telegram, StaffB);
        process.Write(a);
        process.Write(b);
        await process.RunningAsync("shop-a");
        await process.RunningAsync("shop-b");
        return (a, b);
    }

    private static int Posted(FakeTelegramServer telegram, long chat, string prefix) =>
        telegram.SentTo(chat).Count(m => m.VisibleText?.Contains(prefix, StringComparison.Ordinal) == true);

    [GeneratedRegex(@"start=([A-Za-z0-9_-]{22})")]
    private static partial Regex Code();
}
