using System.Text.RegularExpressions;
using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd;

/// <summary>A bot with topic mode in private chats: each order gets its own topic in the buyer's chat.</summary>
public sealed partial class PrivateTopicsEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const long Staff = BridgeHost.StaffChatId;
    private const long Buyer = 515151;

    [Fact]
    public async Task EachOrder_GetsItsOwnTopic_AndWhatTheBuyerWritesThereGoesToThatOrder()
    {
        await using var rig = await StaffGroupBridge.StartAsync(telegramOptions: new FakeTelegramOptions { PrivateChatTopics = true }, arrange: t => t.AddPrivateChat(Buyer, "Ana", "en"));
        var (telegram, marketplace) = (rig.Telegram, rig.Marketplace);

        marketplace.AddBuyerMessage("63001", "First order question");
        marketplace.AddBuyerMessage("63002", "Second order question");
        // Each topic once the bridge posted into it (it has stored the topic by then).
        var first = await rig.TopicOfAsync("63001");
        var second = await rig.TopicOfAsync("63002");

        var invite = telegram.EnqueueMessage(Staff, 5001, "Sam", "/invite", threadId: first);
        await Eventually.TrueAsync(() => telegram.Reactions(Staff, invite).Contains("👍"), Timeout);
        telegram.EnqueueMessage(Buyer, Buyer, "Ana", "/start " + Code().Match(marketplace.Sent.Single().Text).Groups[1].Value);
        await Eventually.TrueAsync(() => telegram.SentTo(Buyer).Any(m => m.VisibleText?.Contains("connected", StringComparison.Ordinal) == true), Timeout);

        telegram.EnqueueMessage(Staff, 5001, "Sam", "Answer about the first", threadId: first);
        telegram.EnqueueMessage(Staff, 5001, "Sam", "Answer about the second", threadId: second);
        await Eventually.TrueAsync(() => telegram.Topics(Buyer).Count == 2, Timeout);
        var buyerFirst = telegram.Topics(Buyer).Single(t => t.Name.Contains("63001", StringComparison.Ordinal)).ThreadId;
        var buyerSecond = telegram.Topics(Buyer).Single(t => t.Name.Contains("63002", StringComparison.Ordinal)).ThreadId;
        await Eventually.TrueAsync(() => telegram.SentTo(Buyer, buyerSecond).Any(m => m.VisibleText?.Contains("Answer about the second", StringComparison.Ordinal) == true), Timeout);
        await Eventually.TrueAsync(() => telegram.SentTo(Buyer, buyerFirst).Any(m => m.VisibleText?.Contains("Answer about the first", StringComparison.Ordinal) == true), Timeout);

        // Written in the second order's topic, without replying to anything: it goes to that order.
        telegram.EnqueueMessage(Buyer, Buyer, "Ana", "Thanks for the second one", threadId: buyerSecond);
        await Eventually.TrueAsync(() => marketplace.Sent.Any(s => s.Text.Contains("Thanks for the second one", StringComparison.Ordinal)), Timeout);
        var relayed = marketplace.Sent.Where(s => s.Text.Contains("Thanks for the second one", StringComparison.Ordinal)).Select(s => s.ConversationId).ToList();
        Assert.Equal(["63002"], relayed);
    }

    [GeneratedRegex(@"start=([A-Za-z0-9_-]{22})")]
    private static partial Regex Code();
}
