using Bot.Core.Operations;
using Bot.Testing;
using Bot.Testing.BotApi;

namespace Bot.Tests.EndToEnd;

/// <summary>The real host against the fake Bot API server and an in-memory Marketplace.</summary>
[Harness.RunsLong]
public sealed class RelayEndToEndTests : StaffGroupTests
{
    private Task<int> TopicOfAsync(string orderId) => Rig.TopicOfAsync(orderId);

    private Task<SentMessage> PostedAsync(int topic, string fragment) =>
        Eventually.ValueAsync(() => Telegram.SentTo(Staff, topic).FirstOrDefault(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);

    [Fact]
    public async Task BuyerMessage_GetsATopicWithAnOrderCard_AndStaffReply_GoesBackTicked()
    {
        Marketplace.AddBuyerMessage("70001", "Hello, <b>where</b> is my order & why?", buyerName: "Ana");

        var topic = await TopicOfAsync("70001");
        var posted = await PostedAsync(topic, "where");
        var card = Telegram.SentTo(Staff, topic)[0];
        Assert.Contains("Order 70001", card.VisibleText);
        Assert.Contains("Hello, <b>where</b> is my order & why?", posted.VisibleText); // shown literally, not as markup

        var reply = Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "It ships tomorrow.", threadId: topic);
        await Eventually.TrueAsync(() => Telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        var sent = Assert.Single(Marketplace.Sent);
        Assert.Equal("70001", sent.ConversationId);
        Assert.Equal("It ships tomorrow.", sent.Text);

        // The echo of that reply comes back through the poller and must not appear in the topic. A buyer message
        // after those polls is posted after anything they brought in this conversation: once it is there, so would be the echo.
        var count = Telegram.SentTo(Staff, topic).Count;
        var polls = Marketplace.FetchCount;
        await Eventually.TrueAsync(() => Marketplace.FetchCount > polls + 3, Timeout);
        Marketplace.AddBuyerMessage("70001", "Marker after the echo");
        var marker = await PostedAsync(topic, "Marker after the echo");
        Assert.Equal(count + 1, Telegram.SentTo(Staff, topic).Count);
        Assert.Equal(marker.MessageId, Telegram.SentTo(Staff, topic)[^1].MessageId);
        Assert.Single(Telegram.Topics(Staff));
    }

    [Fact]
    public async Task SellerCenterMessage_IsMirroredIntoTheTopic()
    {
        Marketplace.AddBuyerMessage("70002", "Hi");
        var topic = await TopicOfAsync("70002");
        Marketplace.AddSellerMessage("70002", "Written in the seller center");

        var mirror = await PostedAsync(topic, "Written in the seller center");

        Assert.Contains("Seller center", mirror.VisibleText);
        Assert.Empty(Marketplace.Sent);
    }

    [Fact]
    public async Task DeletedTopic_IsRecreated_AndClosedTopic_IsReopened()
    {
        Marketplace.AddBuyerMessage("70003", "first");
        var first = await TopicOfAsync("70003");
        await PostedAsync(first, "first");

        Telegram.DeleteTopic(Staff, first);
        Marketplace.AddBuyerMessage("70003", "second");
        var second = await TopicOfAsync("70003");
        Assert.NotEqual(first, second);
        await PostedAsync(second, "second");

        Telegram.CloseTopic(Staff, second);
        Marketplace.AddBuyerMessage("70003", "third");
        await PostedAsync(second, "third");
        Assert.False(Telegram.Topics(Staff).Single(t => t.ThreadId == second).IsClosed);

        // Staff replies in the new topic reach the same conversation.
        var reply = Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "Answer in the new topic", threadId: second);
        await Eventually.TrueAsync(() => Telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        Assert.Equal("70003", Assert.Single(Marketplace.Sent).ConversationId);
    }

    [Fact]
    public async Task LongMessage_IsSplit_AndEveryPartAccepted()
    {
        var text = string.Join(' ', Enumerable.Range(0, 1700).Select(i => $"w{i:D5}"));
        Marketplace.AddBuyerMessage("70004", text);
        var topic = await TopicOfAsync("70004");

        await PostedAsync(topic, "w01699");

        var parts = Telegram.SentTo(Staff, topic).Skip(1).ToList();
        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.True(p.VisibleText!.Length <= 4096));
    }

    [Fact]
    public async Task Sticker_GetsAPoliteNote_StrangersAndOtherChatsAreIgnored()
    {
        Marketplace.AddBuyerMessage("70005", "Hi");
        var topic = await TopicOfAsync("70005");
        Telegram.AddSupergroup(-1009999, "Some other group");

        Telegram.EnqueueMessage(-1009999, 777, "Mallory", "post this to the marketplace");
        Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "general chatter");
        var sticker = Telegram.EnqueueMessage(Staff, StaffUser, "Sam", null, threadId: topic, sticker: true);

        await Eventually.ValueAsync(() => Telegram.SentTo(Staff, topic).FirstOrDefault(m => m.ReplyToMessageId == sticker), Timeout);
        Assert.Empty(Marketplace.Sent);
        Assert.Empty(Telegram.SentTo(-1009999));
    }

    [Fact]
    public async Task TooManyRequests_AndServerErrors_AreRetried()
    {
        Telegram.FailNext("createForumTopic", 1, 502, "Bad Gateway");
        Telegram.FailNext("sendMessage", 1, 429, "Too Many Requests: retry after 1", retryAfter: 1);
        Marketplace.AddBuyerMessage("70006", "Still arrives");

        var topic = await TopicOfAsync("70006");
        await PostedAsync(topic, "Still arrives");

        Assert.Single(Telegram.Topics(Staff));
    }

    [Fact]
    public async Task UpdatesAreNotHandledTwice_AfterARestart()
    {
        Marketplace.AddBuyerMessage("70007", "Hi");
        var topic = await TopicOfAsync("70007");
        var reply = Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "Only once", threadId: topic);
        await Eventually.TrueAsync(() => Telegram.Reactions(Staff, reply).Contains("👍"), Timeout);

        await Rig.RestartAsync(databasePath: Bridge.DatabasePath);
        var after = Telegram.EnqueueMessage(Staff, StaffUser, "Sam", "Second reply", threadId: topic);
        await Eventually.TrueAsync(() => Telegram.Reactions(Staff, after).Contains("👍"), Timeout);

        Assert.Equal(["Only once", "Second reply"], Marketplace.Sent.Select(s => s.Text).ToArray());
        Assert.Single(Telegram.Topics(Staff));
    }

    [Fact]
    public async Task StaffChatWithoutTopicRights_IsReported_AndNothingIsSent()
    {
        await Rig.RestartAsync(
            new Dictionary<string, string?> { ["Telegram:StaffChatId"] = "-1002000000002" },
            whileStopped: () => Telegram.AddSupergroup(-1002000000002, "Misconfigured", forum: true, botIsAdmin: true, canManageTopics: false));
        Marketplace.AddBuyerMessage("70008", "Hi");

        var health = Bridge.Get<BridgeHealth>();
        await Eventually.TrueAsync(() => health.StaffChat.LastError is not null, Timeout);

        Assert.Contains("Manage topics", health.StaffChat.LastError);
        Assert.Empty(Telegram.Topics(-1002000000002));
        Assert.Equal(0, Telegram.CallCount("createForumTopic"));
    }
}
