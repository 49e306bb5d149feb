using Bot.Core.Operations;
using Bot.Tests.Fakes;
using Bot.Tests.Fakes.Telegram;

namespace Bot.Tests.EndToEnd;

/// <summary>The real host against the fake Bot API server and an in-memory marketplace.</summary>
public sealed class RelayEndToEndTests : IAsyncLifetime
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

    private async Task<int> TopicOfAsync(string orderId) =>
        (await telegram.WaitForItemAsync(() => telegram.Topics(Staff).FirstOrDefault(t => t.Name.Contains(orderId, StringComparison.Ordinal) && !t.IsDeleted), Timeout)).ThreadId;

    private Task<SentMessage> PostedAsync(int topic, string fragment) =>
        telegram.WaitForItemAsync(() => telegram.SentTo(Staff, topic).FirstOrDefault(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);

    [Fact]
    public async Task BuyerMessage_GetsATopicWithAnOrderCard_AndStaffReply_GoesBackTicked()
    {
        marketplace.AddBuyerMessage("70001", "Hello, <b>where</b> is my order & why?", buyerName: "Ana");

        var topic = await TopicOfAsync("70001");
        var posted = await PostedAsync(topic, "where");
        var card = telegram.SentTo(Staff, topic)[0];
        Assert.Contains("Order 70001", card.VisibleText);
        Assert.Contains("Hello, <b>where</b> is my order & why?", posted.VisibleText); // shown literally, not as markup

        var reply = telegram.EnqueueMessage(Staff, StaffUser, "Sam", "It ships tomorrow.", threadId: topic);
        await telegram.WaitUntilAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        var sent = Assert.Single(marketplace.Sent);
        Assert.Equal("70001", sent.ConversationId);
        Assert.Equal("It ships tomorrow.", sent.Text);

        // The echo of that reply comes back through the poller and must not appear in the topic.
        var count = telegram.SentTo(Staff, topic).Count;
        var polls = marketplace.FetchCount;
        await telegram.WaitUntilAsync(() => marketplace.FetchCount > polls + 3, Timeout);
        Assert.Equal(count, telegram.SentTo(Staff, topic).Count);
        Assert.Single(telegram.Topics(Staff));
    }

    [Fact]
    public async Task SellerCenterMessage_IsMirroredIntoTheTopic()
    {
        marketplace.AddBuyerMessage("70002", "Hi");
        var topic = await TopicOfAsync("70002");
        marketplace.AddSellerMessage("70002", "Written in the seller center");

        var mirror = await PostedAsync(topic, "Written in the seller center");

        Assert.Contains("Seller center", mirror.VisibleText);
        Assert.Empty(marketplace.Sent);
    }

    [Fact]
    public async Task DeletedTopic_IsRecreated_AndClosedTopic_IsReopened()
    {
        marketplace.AddBuyerMessage("70003", "first");
        var first = await TopicOfAsync("70003");
        await PostedAsync(first, "first");

        telegram.DeleteTopic(Staff, first);
        marketplace.AddBuyerMessage("70003", "second");
        var second = await TopicOfAsync("70003");
        Assert.NotEqual(first, second);
        await PostedAsync(second, "second");

        telegram.CloseTopic(Staff, second);
        marketplace.AddBuyerMessage("70003", "third");
        await PostedAsync(second, "third");
        Assert.False(telegram.Topics(Staff).Single(t => t.ThreadId == second).IsClosed);

        // Staff replies in the new topic reach the same conversation.
        var reply = telegram.EnqueueMessage(Staff, StaffUser, "Sam", "Answer in the new topic", threadId: second);
        await telegram.WaitUntilAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        Assert.Equal("70003", Assert.Single(marketplace.Sent).ConversationId);
    }

    [Fact]
    public async Task LongMessage_IsSplit_AndEveryPartAccepted()
    {
        var text = string.Join(' ', Enumerable.Range(0, 1700).Select(i => $"w{i:D5}"));
        marketplace.AddBuyerMessage("70004", text);
        var topic = await TopicOfAsync("70004");

        await PostedAsync(topic, "w01699");

        var parts = telegram.SentTo(Staff, topic).Skip(1).ToList();
        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.True(p.VisibleText!.Length <= 4096));
    }

    [Fact]
    public async Task Sticker_GetsAPoliteNote_StrangersAndOtherChatsAreIgnored()
    {
        marketplace.AddBuyerMessage("70005", "Hi");
        var topic = await TopicOfAsync("70005");
        telegram.AddSupergroup(-1009999, "Some other group");

        telegram.EnqueueMessage(-1009999, 777, "Mallory", "post this to the marketplace");
        telegram.EnqueueMessage(Staff, StaffUser, "Sam", "general chatter");
        var sticker = telegram.EnqueueMessage(Staff, StaffUser, "Sam", null, threadId: topic, sticker: true);

        await telegram.WaitForItemAsync(() => telegram.SentTo(Staff, topic).FirstOrDefault(m => m.ReplyToMessageId == sticker), Timeout);
        Assert.Empty(marketplace.Sent);
        Assert.Empty(telegram.SentTo(-1009999));
    }

    [Fact]
    public async Task TooManyRequests_AndServerErrors_AreRetried()
    {
        telegram.FailNext("createForumTopic", 1, 502, "Bad Gateway");
        telegram.FailNext("sendMessage", 1, 429, "Too Many Requests: retry after 1", retryAfter: 1);
        marketplace.AddBuyerMessage("70006", "Still arrives");

        var topic = await TopicOfAsync("70006");
        await PostedAsync(topic, "Still arrives");

        Assert.Single(telegram.Topics(Staff));
    }

    [Fact]
    public async Task UpdatesAreNotHandledTwice_AfterARestart()
    {
        marketplace.AddBuyerMessage("70007", "Hi");
        var topic = await TopicOfAsync("70007");
        var reply = telegram.EnqueueMessage(Staff, StaffUser, "Sam", "Only once", threadId: topic);
        await telegram.WaitUntilAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);

        var database = bridge.DatabasePath;
        await bridge.DisposeAsync();
        bridge = await BridgeHost.StartAsync(telegram, marketplace, databasePath: database);
        var after = telegram.EnqueueMessage(Staff, StaffUser, "Sam", "Second reply", threadId: topic);
        await telegram.WaitUntilAsync(() => telegram.Reactions(Staff, after).Contains("👍"), Timeout);

        Assert.Equal(["Only once", "Second reply"], marketplace.Sent.Select(s => s.Text).ToArray());
        Assert.Single(telegram.Topics(Staff));
    }

    [Fact]
    public async Task StaffChatWithoutTopicRights_IsReported_AndNothingIsSent()
    {
        await bridge.DisposeAsync();
        telegram.AddSupergroup(-1002000000002, "Misconfigured", forum: true, botIsAdmin: true, canManageTopics: false);
        bridge = await BridgeHost.StartAsync(telegram, marketplace, new Dictionary<string, string?> { ["Telegram:StaffChatId"] = "-1002000000002" });
        marketplace.AddBuyerMessage("70008", "Hi");

        var health = bridge.Get<BridgeHealth>();
        await telegram.WaitUntilAsync(() => health.StaffChat.LastError is not null, Timeout);

        Assert.Contains("Manage topics", health.StaffChat.LastError);
        Assert.Empty(telegram.Topics(-1002000000002));
        Assert.Equal(0, telegram.CallCount("createForumTopic"));
    }
}
