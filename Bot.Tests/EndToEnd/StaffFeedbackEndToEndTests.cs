using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Tests.Fakes;
using Bot.Tests.Fakes.Telegram;

namespace Bot.Tests.EndToEnd;

/// <summary>Staff always learn how their reply went: an allowed reaction (👍 / 👎), the reason when it failed, and text
/// where the group's admins narrowed the reactions or Telegram refuses one. A refused reaction is never a dead letter.</summary>
public sealed class StaffFeedbackEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private const long Staff = BridgeHost.StaffChatId;
    private const long StaffUser = 5001;

    private FakeTelegramServer telegram = null!;
    private readonly InMemoryMarketplace marketplace = new();
    private BridgeHost bridge = null!;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        bridge = await BridgeHost.StartAsync(telegram, marketplace);
    }

    public async Task DisposeAsync()
    {
        await bridge.DisposeAsync();
        await telegram.DisposeAsync();
    }

    private async Task<int> TopicOfAsync(string orderId)
    {
        marketplace.AddBuyerMessage(orderId, "Where is my parcel?");
        var topic = await telegram.WaitForItemAsync(() => telegram.Topics(Staff).FirstOrDefault(t => t.Name.Contains(orderId, StringComparison.Ordinal)), Timeout);
        await telegram.WaitUntilAsync(() => telegram.SentTo(Staff, topic.ThreadId).Any(m => m.VisibleText?.Contains("parcel", StringComparison.Ordinal) == true), Timeout);
        return topic.ThreadId;
    }

    private Task<SentMessage> ReplyToAsync(int message, string fragment) =>
        telegram.WaitForItemAsync(() => telegram.SentTo(Staff).FirstOrDefault(m => m.ReplyToMessageId == message && m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);

    private async Task<IReadOnlyList<OutboxItem>> SettledDeadLettersAsync()
    {
        var store = bridge.Get<OutboxStore>();
        await telegram.WaitUntilAsync(() => store.GetStatsAsync(CancellationToken.None).GetAwaiter().GetResult().Pending == 0, Timeout);
        return await store.ListAsync("dead", 10, CancellationToken.None);
    }

    private void RefuseNextSend() =>
        marketplace.FailNextSend(new MarketplaceException(MarketplaceErrorKind.Rejected, "Buyer has closed the conversation", "ConversationClosed"));

    [Fact]
    public async Task StaffReply_Delivered_GetsAThumbsUp_AndNothingElse()
    {
        var topic = await TopicOfAsync("71001");

        var reply = telegram.EnqueueMessage(Staff, StaffUser, "Sam", "It ships tomorrow.", threadId: topic);
        await telegram.WaitUntilAsync(() => telegram.Reactions(Staff, reply).SequenceEqual(["👍"]), Timeout);

        Assert.Empty(await SettledDeadLettersAsync());
        Assert.DoesNotContain(telegram.SentTo(Staff), m => m.ReplyToMessageId == reply);
    }

    [Fact]
    public async Task StaffReply_RefusedByTheMarketplace_GetsAThumbsDown_AndTheExplanation()
    {
        var topic = await TopicOfAsync("71002");
        RefuseNextSend();

        var reply = telegram.EnqueueMessage(Staff, StaffUser, "Sam", "It ships tomorrow.", threadId: topic);
        var explanation = await ReplyToAsync(reply, "Not delivered to the marketplace");
        await telegram.WaitUntilAsync(() => telegram.Reactions(Staff, reply).SequenceEqual(["👎"]), Timeout);

        Assert.Contains("Buyer has closed the conversation", explanation.VisibleText);
        Assert.Equal(topic, explanation.ThreadId);
        var dead = Assert.Single(await SettledDeadLettersAsync());
        Assert.Equal(OutboxKinds.MarketplaceSend, dead.Kind); // the reply itself, not the feedback
    }

    [Fact]
    public async Task GroupNarrowedReactions_DeliveredReply_IsConfirmedInText_AndNoDeadLetter()
    {
        telegram.SetAvailableReactions(Staff, "❤", "🔥");
        var topic = await TopicOfAsync("71003");

        var reply = telegram.EnqueueMessage(Staff, StaffUser, "Sam", "It ships tomorrow.", threadId: topic);
        var note = await ReplyToAsync(reply, "Delivered to the marketplace");

        Assert.Equal(topic, note.ThreadId);
        Assert.Empty(telegram.Reactions(Staff, reply));
        Assert.Empty(await SettledDeadLettersAsync());
        Assert.Equal(0, telegram.Requests.Count(r => r.Method == "setMessageReaction")); // the chat's list was read first
    }

    [Fact]
    public async Task GroupNarrowedReactions_RefusedReply_StillGetsTheExplanation_AndOnlyTheReplyIsDead()
    {
        telegram.SetAvailableReactions(Staff);
        var topic = await TopicOfAsync("71004");
        RefuseNextSend();

        var reply = telegram.EnqueueMessage(Staff, StaffUser, "Sam", "It ships tomorrow.", threadId: topic);
        var explanation = await ReplyToAsync(reply, "Not delivered to the marketplace");

        Assert.Contains("Buyer has closed the conversation", explanation.VisibleText);
        var dead = Assert.Single(await SettledDeadLettersAsync());
        Assert.Equal(OutboxKinds.MarketplaceSend, dead.Kind);
        Assert.Empty(telegram.Reactions(Staff, reply));
        Assert.Single(telegram.SentTo(Staff), m => m.ReplyToMessageId == reply); // the explanation says it: no second note
    }

    [Fact]
    public async Task ReactionRefusedByTelegram_AfterTheListWasRead_FallsBackToText_AndIsNotADeadLetter()
    {
        var topic = await TopicOfAsync("71005");
        var first = telegram.EnqueueMessage(Staff, StaffUser, "Sam", "First answer.", threadId: topic);
        await telegram.WaitUntilAsync(() => telegram.Reactions(Staff, first).SequenceEqual(["👍"]), Timeout);
        telegram.FailNext("setMessageReaction", 1, 400, "Bad Request: REACTION_INVALID"); // admins narrowed the list since

        var second = telegram.EnqueueMessage(Staff, StaffUser, "Sam", "Second answer.", threadId: topic);
        await ReplyToAsync(second, "Delivered to the marketplace");

        Assert.Empty(await SettledDeadLettersAsync());
        Assert.Equal(["First answer.", "Second answer."], marketplace.Sent.Select(s => s.Text).ToArray());
    }
}
