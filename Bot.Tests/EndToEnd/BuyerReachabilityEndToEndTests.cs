using System.Text.RegularExpressions;
using Bot.Core.Outbox;
using Bot.Testing;
using Bot.Testing.BotApi;

namespace Bot.Tests.EndToEnd;

/// <summary>A linked buyer through the real host and the fake Bot API: blocking the bot, coming back, and the buyer's
/// own words never echoed back to them.</summary>
public sealed partial class BuyerReachabilityEndToEndTests : StaffGroupTests
{
    private const long Buyer = 434343;

    private int topic;

    protected override Task<StaffGroupBridge> StartAsync() => StaffGroupBridge.StartAsync(arrange: t => t.AddPrivateChat(Buyer, "Ana", "en"));

    protected override async Task ArrangeAsync()
    {
        Marketplace.AddBuyerMessage("64001", "Where is my order?");
        topic = (await Eventually.ValueAsync(() => Telegram.Topics(Staff).FirstOrDefault(), Timeout)).ThreadId;
        // The buyer's message in the topic means the bridge has stored the topic: a command sent before that (the topic
        // is visible as soon as Telegram created it) could reach a bridge that does not know the topic yet.
        await ToAsync(Staff, "Where is my order?", topic);
        var invite = Telegram.EnqueueMessage(Staff, 5001, "Sam", "/invite", threadId: topic);
        await Eventually.TrueAsync(() => Telegram.Reactions(Staff, invite).Count > 0, Timeout);
        Telegram.EnqueueMessage(Buyer, Buyer, "Ana", "/start " + Code().Match(Marketplace.Sent.Single().Text).Groups[1].Value);
        await ToAsync(Buyer, "connected");
    }

    private Task<SentMessage> ToAsync(long chat, string fragment, int? thread = null) =>
        Eventually.ValueAsync(() => Telegram.SentTo(chat, thread).FirstOrDefault(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);

    private async Task<OutboxStats> OutboxAsync() => await Bridge.Get<IOutboxRepository>().GetStatsAsync(CancellationToken.None);

    [Fact]
    public async Task BuyerWhoBlockedTheBot_StaffAreToldOnce_NothingIsRetried_AndComingBackResumes()
    {
        Telegram.BlockBot(Buyer);
        Telegram.EnqueueMessage(Staff, 5001, "Sam", "First answer while blocked", threadId: topic);
        Telegram.EnqueueMessage(Staff, 5001, "Sam", "Second answer while blocked", threadId: topic);
        Telegram.EnqueueMessage(Staff, 5001, "Sam", "Third answer while blocked", threadId: topic);

        await ToAsync(Staff, "blocked the bot", topic);
        await Eventually.TrueAsync(() => Marketplace.Sent.Count(s => s.Text.Contains("while blocked", StringComparison.Ordinal)) == 3, Timeout);
        await Eventually.TrueAsync(async () => (await OutboxAsync()).Pending == 0, Timeout);
        Assert.Equal(0, (await OutboxAsync()).Dead);
        Assert.Single(Telegram.SentTo(Staff, topic), m => m.VisibleText?.Contains("blocked the bot", StringComparison.Ordinal) == true);

        Telegram.EnqueueMessage(Buyer, Buyer, "Ana", "/start");
        await ToAsync(Staff, "back in Telegram", topic);
        Telegram.EnqueueMessage(Staff, 5001, "Sam", "Welcome back", threadId: topic);
        await ToAsync(Buyer, "Welcome back");
    }

    [Fact]
    public async Task BuyersOwnTelegramMessage_IsNotSentBackToThem()
    {
        Telegram.EnqueueMessage(Buyer, Buyer, "Ana", "Please pack it carefully");
        await Eventually.TrueAsync(() => Marketplace.Sent.Any(s => s.Text.Contains("Please pack it carefully", StringComparison.Ordinal)), Timeout);
        await ToAsync(Staff, "Please pack it carefully", topic);

        // The echo of the posted comment comes back through the poller; a later answer is delivered after it.
        Telegram.EnqueueMessage(Staff, 5001, "Sam", "Packed with care", threadId: topic);
        await ToAsync(Buyer, "Packed with care");

        Assert.DoesNotContain(Telegram.SentTo(Buyer), m => m.VisibleText?.Contains("Please pack it carefully", StringComparison.Ordinal) == true);
    }

    [GeneratedRegex(@"start=([A-Za-z0-9_-]{22})")]
    private static partial Regex Code();
}
