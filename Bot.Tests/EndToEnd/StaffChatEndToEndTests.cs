using Bot.Testing;

namespace Bot.Tests.EndToEnd;

/// <summary>Staff chat behaviour over the real host and the fake Bot API: anonymous admins, edits, other bots' commands.</summary>
public sealed class StaffChatEndToEndTests : StaffGroupTests
{
    private Task<int> TopicOfAsync(string orderId) => Rig.TopicWithBuyerMessageAsync(orderId, "Hello?");

    [Fact]
    public async Task AnonymousAdminReply_IsRelayedLikeAnyStaffReply()
    {
        var topic = await TopicOfAsync("72001");

        var reply = Telegram.EnqueueAnonymousAdminMessage(Staff, "We ship today.", topic, signature: "Owner");

        await Eventually.TrueAsync(() => Telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        Assert.Equal("We ship today.", Assert.Single(Marketplace.Sent).Text);
    }

    [Fact]
    public async Task EditOfADeliveredReply_GetsANoteInTheTopic()
    {
        var topic = await TopicOfAsync("72002");
        var reply = Telegram.EnqueueMessage(Staff, 5001, "Sam", "Ships Monday", threadId: topic);
        await Eventually.TrueAsync(() => Telegram.Reactions(Staff, reply).Contains("👍"), Timeout);

        Telegram.EditUserMessage(Staff, reply, "Ships Tuesday");

        var note = await Eventually.ValueAsync(() => Telegram.SentTo(Staff, topic).FirstOrDefault(m => m.ReplyToMessageId == reply), Timeout);
        Assert.Contains("Edited after it was sent; the marketplace keeps the original", note.VisibleText);
        Assert.Equal("Ships Monday", Assert.Single(Marketplace.Sent).Text);
    }

    [Fact]
    public async Task CommandForAnotherBot_InATopic_IsIgnored_AndTheNextReplyStillGoes()
    {
        var topic = await TopicOfAsync("72003");
        var other = Telegram.EnqueueMessage(Staff, 5001, "Sam", "/invite@other_bot", threadId: topic);
        var reply = Telegram.EnqueueMessage(Staff, 5001, "Sam", "Thanks!", threadId: topic);

        await Eventually.TrueAsync(() => Telegram.Reactions(Staff, reply).Contains("👍"), Timeout);

        Assert.Equal("Thanks!", Assert.Single(Marketplace.Sent).Text);
        Assert.DoesNotContain(Telegram.SentTo(Staff, topic), m => m.ReplyToMessageId == other);
    }
}
