using Bot.Tests.Fakes;
using Bot.Tests.Fakes.Telegram;

namespace Bot.Tests.EndToEnd;

/// <summary>Staff chat behaviour over the real host and the fake Bot API: anonymous admins, edits, other bots' commands.</summary>
public sealed class StaffChatEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private const long Staff = BridgeHost.StaffChatId;

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
        marketplace.AddBuyerMessage(orderId, "Hello?");
        var topic = (await telegram.WaitForItemAsync(() => telegram.Topics(Staff).FirstOrDefault(t => t.Name.Contains(orderId, StringComparison.Ordinal)), Timeout)).ThreadId;
        await telegram.WaitUntilAsync(() => telegram.SentTo(Staff, topic).Any(m => m.VisibleText?.Contains("Hello?", StringComparison.Ordinal) == true), Timeout);
        return topic;
    }

    [Fact]
    public async Task AnonymousAdminReply_IsRelayedLikeAnyStaffReply()
    {
        var topic = await TopicOfAsync("72001");

        var reply = telegram.EnqueueAnonymousAdminMessage(Staff, "We ship today.", topic, signature: "Owner");

        await telegram.WaitUntilAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        Assert.Equal("We ship today.", Assert.Single(marketplace.Sent).Text);
    }

    [Fact]
    public async Task EditOfADeliveredReply_GetsANoteInTheTopic()
    {
        var topic = await TopicOfAsync("72002");
        var reply = telegram.EnqueueMessage(Staff, 5001, "Sam", "Ships Monday", threadId: topic);
        await telegram.WaitUntilAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);

        telegram.EditUserMessage(Staff, reply, "Ships Tuesday");

        var note = await telegram.WaitForItemAsync(() => telegram.SentTo(Staff, topic).FirstOrDefault(m => m.ReplyToMessageId == reply), Timeout);
        Assert.Contains("Edited after it was sent; the marketplace keeps the original", note.VisibleText);
        Assert.Equal("Ships Monday", Assert.Single(marketplace.Sent).Text);
    }

    [Fact]
    public async Task CommandForAnotherBot_InATopic_IsIgnored_AndTheNextReplyStillGoes()
    {
        var topic = await TopicOfAsync("72003");
        var other = telegram.EnqueueMessage(Staff, 5001, "Sam", "/invite@other_bot", threadId: topic);
        var reply = telegram.EnqueueMessage(Staff, 5001, "Sam", "Thanks!", threadId: topic);

        await telegram.WaitUntilAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);

        Assert.Equal("Thanks!", Assert.Single(marketplace.Sent).Text);
        Assert.DoesNotContain(telegram.SentTo(Staff, topic), m => m.ReplyToMessageId == other);
    }
}
