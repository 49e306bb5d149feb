using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Testing;
using Bot.Testing.BotApi;

namespace Bot.Tests.EndToEnd;

/// <summary>Staff always learn how their reply went: an allowed reaction (👍 / 👎), the reason when it failed, and text
/// where the group's admins narrowed the reactions or Telegram refuses one. A refused reaction is never a dead letter.</summary>
public sealed class StaffFeedbackEndToEndTests : StaffGroupTests
{
    private Task<int> TopicOfAsync(string orderId) => Rig.TopicWithBuyerMessageAsync(orderId, "Where is my parcel?");

    private Task<SentMessage> ReplyToAsync(int message, string fragment) =>
        Eventually.ValueAsync(() => Telegram.SentTo(Staff).FirstOrDefault(m => m.ReplyToMessageId == message && m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);

    private async Task<IReadOnlyList<OutboxItem>> SettledDeadLettersAsync()
    {
        var store = Bridge.Get<IOutboxRepository>();
        await Eventually.TrueAsync(() => store.GetStatsAsync(CancellationToken.None).GetAwaiter().GetResult().Pending == 0, Timeout);
        return await store.ListAsync(OutboxStatus.Dead, 10, CancellationToken.None);
    }

    private void RefuseNextSend() =>
        Marketplace.FailNextSend(new MarketplaceException(MarketplaceErrorKind.Rejected, "Buyer has closed the conversation", "ConversationClosed"));

    [Fact]
    public async Task StaffReply_Delivered_GetsAThumbsUp_AndNothingElse()
    {
        var topic = await TopicOfAsync("71001");

        var reply = Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "It ships tomorrow.", threadId: topic);
        await Eventually.TrueAsync(() => Telegram.Reactions(Staff, reply).SequenceEqual(["👍"]), Timeout);

        Assert.Empty(await SettledDeadLettersAsync());
        Assert.DoesNotContain(Telegram.SentTo(Staff), m => m.ReplyToMessageId == reply);
    }

    [Fact]
    public async Task StaffReply_RefusedByTheMarketplace_GetsAThumbsDown_AndTheExplanation()
    {
        var topic = await TopicOfAsync("71002");
        RefuseNextSend();

        var reply = Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "It ships tomorrow.", threadId: topic);
        var explanation = await ReplyToAsync(reply, "Not delivered to the marketplace");
        await Eventually.TrueAsync(() => Telegram.Reactions(Staff, reply).SequenceEqual(["👎"]), Timeout);

        Assert.Contains("Buyer has closed the conversation", explanation.VisibleText);
        Assert.Equal(topic, explanation.ThreadId);
        var dead = Assert.Single(await SettledDeadLettersAsync());
        Assert.Equal(OutboxKinds.MarketplaceSend, dead.Kind); // the reply itself, not the feedback
    }

    [Fact]
    public async Task GroupNarrowedReactions_DeliveredReply_IsConfirmedInText_AndNoDeadLetter()
    {
        Telegram.SetAvailableReactions(Staff, "❤", "🔥");
        var topic = await TopicOfAsync("71003");

        var reply = Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "It ships tomorrow.", threadId: topic);
        var note = await ReplyToAsync(reply, "Delivered to the marketplace");

        Assert.Equal(topic, note.ThreadId);
        Assert.Empty(Telegram.Reactions(Staff, reply));
        Assert.Empty(await SettledDeadLettersAsync());
        Assert.Equal(0, Telegram.Requests.Count(r => r.Method == "setMessageReaction")); // the chat's list was read first
    }

    [Fact]
    public async Task GroupNarrowedReactions_RefusedReply_StillGetsTheExplanation_AndOnlyTheReplyIsDead()
    {
        Telegram.SetAvailableReactions(Staff);
        var topic = await TopicOfAsync("71004");
        RefuseNextSend();

        var reply = Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "It ships tomorrow.", threadId: topic);
        var explanation = await ReplyToAsync(reply, "Not delivered to the marketplace");

        Assert.Contains("Buyer has closed the conversation", explanation.VisibleText);
        var dead = Assert.Single(await SettledDeadLettersAsync());
        Assert.Equal(OutboxKinds.MarketplaceSend, dead.Kind);
        Assert.Empty(Telegram.Reactions(Staff, reply));
        Assert.Single(Telegram.SentTo(Staff), m => m.ReplyToMessageId == reply); // the explanation says it: no second note
    }

    [Fact]
    public async Task ReactionRefusedByTelegram_AfterTheListWasRead_FallsBackToText_AndIsNotADeadLetter()
    {
        var topic = await TopicOfAsync("71005");
        var first = Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "First answer.", threadId: topic);
        await Eventually.TrueAsync(() => Telegram.Reactions(Staff, first).SequenceEqual(["👍"]), Timeout);
        Telegram.FailNext("setMessageReaction", 1, 400, "Bad Request: REACTION_INVALID"); // admins narrowed the list since

        var second = Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "Second answer.", threadId: topic);
        await ReplyToAsync(second, "Delivered to the marketplace");

        Assert.Empty(await SettledDeadLettersAsync());
        Assert.Equal(["First answer.", "Second answer."], Marketplace.Sent.Select(s => s.Text).ToArray());
    }
}
