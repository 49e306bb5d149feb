using Bot.Core.Conversations;
using Bot.Core.Operations;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd;

/// <summary>The real host with the real AliExpress adapter, against the fake AliExpress server and the fake Bot API.</summary>
public sealed class AliExpressEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = StaffGroupBridge.Timeout;
    private const long Staff = BridgeHost.StaffChatId;

    private FakeTelegramServer telegram = null!;
    private FakeAliExpressServer aliexpress = null!;
    private BridgeHost bridge = null!;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        aliexpress = await FakeAliExpressServer.StartAsync();
        bridge = await BridgeHost.StartAsync(telegram, null, Settings(aliexpress));
    }

    public async Task DisposeAsync()
    {
        await bridge.DisposeAsync();
        await aliexpress.DisposeAsync();
        await telegram.DisposeAsync();
    }

    public static Dictionary<string, string?> Settings(FakeAliExpressServer aliexpress) => new()
    {
        ["Marketplace:AliExpress:GatewayUrl"] = aliexpress.BaseUrl,
        ["Marketplace:AliExpress:AppKey"] = aliexpress.AppKey,
        ["Marketplace:AliExpress:AppSecret"] = aliexpress.AppSecret,
        ["Marketplace:AliExpress:AccessToken"] = aliexpress.AccessToken,
        ["Marketplace:AliExpress:SellerLoginId"] = aliexpress.SellerLoginId,

        // Off unless a test is about it: its calls at start would take faults and counts meant for polling.
        ["Marketplace:AliExpress:SelfCheck"] = "false",
    };

    private Task<SentMessage> PostedAsync(string fragment) =>
        Eventually.ValueAsync(() => telegram.SentTo(Staff).FirstOrDefault(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);

    [Fact]
    public async Task OrderComment_ToTopic_StaffReply_ToAddmsg_EchoNotRelayed()
    {
        aliexpress.AddBuyerMessage("3001234567890", "buyer_ana", "Ana", "Hello, when will you ship my order?");

        var post = await PostedAsync("when will you ship");
        var topic = post.ThreadId!.Value;
        Assert.Contains(telegram.Topics(Staff), t => t.ThreadId == topic && t.Name.Contains("3001234567890", StringComparison.Ordinal));
        Assert.Contains("gsp.aliexpress.com", telegram.SentTo(Staff, topic)[0].Text); // the card links the order
        await Eventually.TrueAsync(() => aliexpress.MarkedRead.Contains("3001234567890"), Timeout);

        var reply = telegram.EnqueueMessage(Staff, 5001, "Sam", "We ship it today.", threadId: topic);
        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        var sent = Assert.Single(aliexpress.Sent);
        Assert.Equal(("order", "3001234567890", "buyer_ana", aliexpress.SellerLoginId, "We ship it today."), (sent.MessageType, sent.ExternId, sent.BuyerId, sent.SellerId, sent.Content));

        // The echo arrives in the next polls as a seller message with a new id, and is recognised. A buyer message
        // after those polls is posted after anything they brought in this order: once it is there, so would be the echo.
        var count = telegram.SentTo(Staff, topic).Count;
        var polls = aliexpress.CallCount("aliexpress.message.redefining.versiontwo.querymsgrelationlist");
        await Eventually.TrueAsync(() => aliexpress.CallCount("aliexpress.message.redefining.versiontwo.querymsgrelationlist") > polls + 3, Timeout);
        aliexpress.AddBuyerMessage("3001234567890", "buyer_ana", "Ana", "Marker after the echo");
        var marker = await PostedAsync("Marker after the echo");
        Assert.Equal(count + 1, telegram.SentTo(Staff, topic).Count);
        Assert.Equal(marker.MessageId, telegram.SentTo(Staff, topic)[^1].MessageId);
    }

    [Fact]
    public async Task PreOrderChat_ShowsAProductCard_AndTheReplyGoesBackAsAProductMessage()
    {
        var channel = aliexpress.ChatChannelOf("buyer_bo");
        aliexpress.AddBuyerMessage(channel, "buyer_bo", "Bo", "Do you have this in blue?", kind: ConversationKind.Chat, productId: "1005001");

        var post = await PostedAsync("in blue");
        var card = telegram.SentTo(Staff, post.ThreadId)[0];
        Assert.Contains("Pre-order chat", card.VisibleText);
        Assert.Contains("Wireless earbuds", card.VisibleText);
        Assert.Contains("https://www.aliexpress.com/item/1005001.html", card.Text);

        var reply = telegram.EnqueueMessage(Staff, 5001, "Sam", "Yes, blue is in stock.", threadId: post.ThreadId);
        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        var sent = Assert.Single(aliexpress.Sent);
        Assert.Equal(("product", "1005001", "buyer_bo"), (sent.MessageType, sent.ExternId, sent.BuyerId));
    }

    [Fact]
    public async Task ExpiredSession_StopsPolling_WithThePlatformsWords_AndMalformedAnswersLoseNothing()
    {
        aliexpress.FailNext("aliexpress.message.redefining.versiontwo.querymsgrelationlist", FakeFault.MalformedJson());
        aliexpress.FailNext("aliexpress.message.redefining.versiontwo.querymsgrelationlist", FakeFault.HtmlPage(502));
        aliexpress.AddBuyerMessage("3001234567891", "buyer_cy", "Cy", "Message during an outage");

        await PostedAsync("Message during an outage");

        aliexpress.FailNext("*", FakeFault.ExpiredSession(), times: 1000);
        var health = bridge.Get<BridgeHealth>();
        await Eventually.TrueAsync(() => health.Marketplace.NeedsOperator, Timeout);
        var calls = aliexpress.CallCount("aliexpress.message.redefining.versiontwo.querymsgrelationlist");
        Assert.NotNull(health.Marketplace.LastError);
        // Let several poll intervals (200 ms) pass, observed through the bridge's own long polls of Telegram (1 s each):
        // a poller that kept going would have called AliExpress again by then.
        var longPolls = telegram.CallCount("getUpdates");
        await Eventually.TrueAsync(() => telegram.CallCount("getUpdates") >= longPolls + 2, Timeout);
        Assert.Equal(calls, aliexpress.CallCount("aliexpress.message.redefining.versiontwo.querymsgrelationlist"));
    }
}
