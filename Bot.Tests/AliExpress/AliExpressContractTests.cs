using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Testing.AliExpress;

namespace Bot.Tests.AliExpress;

/// <summary>Each API method through the real adapter against the fake AliExpress server, which checks signature and session.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressContractTests
{
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    private const string AddMsg = "aliexpress.message.redefining.versiontwo.addmsg";
    private const string MarkRead = "aliexpress.message.redefining.versiontwo.updatemsgread";

    [Fact]
    public async Task Fetch_BuyerOrderMessage_IsReportedWithAuthorCardImagesAndReplyContext()
    {
        await using var h = await AliExpressHarness.StartAsync();
        var id = h.Server.AddBuyerMessage("8100000001", "ru1buyer", "Ivan", "Where is my parcel?", ["https://ae01.example/photo.jpg"]);

        var batch = await h.Client.FetchAsync(null, CancellationToken.None);

        var message = Assert.Single(batch.Messages);
        Assert.Equal(id, message.MessageId);
        Assert.Equal("8100000001", message.ConversationId);
        Assert.Equal(ConversationKind.Order, message.Kind);
        Assert.Equal(MarketplaceAuthor.Buyer, message.Author);
        Assert.Equal(("ru1buyer", "Ivan"), (message.BuyerId, message.BuyerName));
        Assert.Equal("Where is my parcel?", message.Text);
        Assert.Equal(["https://ae01.example/photo.jpg"], message.ImageUrls);
        Assert.Equal(AliExpressHarness.Start, message.SentAt);
        Assert.Equal("8100000001", message.Card?.OrderId);
        Assert.Contains("8100000001", message.Card?.OrderUrl);
        Assert.Equal("order:8100000001", message.ReplyContext);
        Assert.False(batch.HasMore);
    }

    [Fact]
    public async Task Send_OrderReply_PostsAddmsgAsOrderAndComesBackAsSellerEcho()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8100000002", "ru2buyer", "Olga", "Hello");
        var first = await h.Client.FetchAsync(null, CancellationToken.None);
        h.Time.Advance(TimeSpan.FromSeconds(20));

        var result = await h.Client.SendAsync(
            new MarketplaceOutgoing("8100000002", ConversationKind.Order, "ru2buyer", "Shipped today", first.Messages[0].ReplyContext),
            CancellationToken.None);

        Assert.Null(result.MessageId);
        var sent = Assert.Single(h.Server.Sent);
        Assert.Equal((AddMsg, "8100000002", "order", "8100000002", "Shipped today", (string?)null),
            (sent.Method, sent.ChannelId, sent.MessageType, sent.ExternId, sent.Content, sent.ImgPath));
        Assert.Equal(("ru2buyer", h.Server.SellerLoginId), (sent.BuyerId, sent.SellerId));

        var next = await h.Client.FetchAsync(first.NextCursor, CancellationToken.None);
        var echo = Assert.Single(next.Messages, m => m.MessageId == sent.MessageId);
        Assert.Equal(MarketplaceAuthor.Seller, echo.Author);
        Assert.Equal("Shipped today", echo.Text);
    }

    [Theory]
    [InlineData("1005001234", "product", "1005001234")]
    [InlineData(null, "member", "0")]
    public async Task Send_ChatReply_UsesTheContextOfTheChat(string? productId, string messageType, string externId)
    {
        await using var h = await AliExpressHarness.StartAsync();
        var channel = h.Server.ChatChannelOf("de1buyer");
        h.Server.AddBuyerMessage(channel, "de1buyer", "Jan", "Is it in stock?", kind: ConversationKind.Chat, productId: productId);
        var incoming = Assert.Single((await h.Client.FetchAsync(null, CancellationToken.None)).Messages);
        Assert.Equal(ConversationKind.Chat, incoming.Kind);

        await h.Client.SendAsync(new MarketplaceOutgoing(channel, ConversationKind.Chat, "de1buyer", "Yes", incoming.ReplyContext), CancellationToken.None);

        var sent = Assert.Single(h.Server.Sent);
        Assert.Equal((channel, messageType, externId), (sent.ChannelId, sent.MessageType, sent.ExternId));
    }

    [Fact]
    public async Task Send_PlatformSaysNotSuccess_IsRejected()
    {
        await using var h = await AliExpressHarness.StartAsync();

        var error = await Assert.ThrowsAsync<MarketplaceException>(() =>
            h.Client.SendAsync(new MarketplaceOutgoing("999", ConversationKind.Order, "nobody", "Hi"), CancellationToken.None));

        Assert.Equal(MarketplaceErrorKind.Rejected, error.Kind);
        Assert.Contains("order not found", error.Message);
    }

    [Fact]
    public async Task MarkRead_CallsUpdateMsgReadWithTheChannel()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8100000003", "ru3buyer", "Pavel", "?");

        await h.Client.MarkReadAsync("8100000003", ConversationKind.Order, CancellationToken.None);

        Assert.Equal(["8100000003"], h.Server.MarkedRead);
        Assert.True(h.Client.MarksRead);
    }

    [Fact]
    public async Task MarkRead_WhenDisabled_DoesNotCallThePlatform()
    {
        await using var h = await AliExpressHarness.StartAsync(configure: o => o.MarkReadAfterRelay = false);
        h.Server.AddBuyerMessage("8100000004", "ru4buyer", "Anna", "?");

        await h.Client.MarkReadAsync("8100000004", ConversationKind.Order, CancellationToken.None);

        Assert.Equal(0, h.Server.CallCount(MarkRead));
        Assert.False(h.Client.MarksRead); // so the bridge queues no mark-read at all
        Assert.True(h.Client.MarksProcessed);
    }

    [Theory]
    [InlineData("Marketplace:AliExpress:AppSecret", "wrong-secret")]
    [InlineData("Marketplace:AliExpress:AccessToken", "expired-token")]
    [InlineData("Marketplace:AliExpress:AppKey", "999999")]
    public async Task AnyCall_WithWrongCredentials_IsAuthorizationAndNotRetried(string key, string value)
    {
        await using var h = await AliExpressHarness.StartAsync(settings: new Dictionary<string, string?> { [key] = value });

        var fetch = await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.FetchAsync(null, CancellationToken.None));
        var send = await Assert.ThrowsAsync<MarketplaceException>(() =>
            h.Client.SendAsync(new MarketplaceOutgoing("1", ConversationKind.Order, "b", "x"), CancellationToken.None));
        var read = await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.MarkReadAsync("1", ConversationKind.Order, CancellationToken.None));

        Assert.All([fetch, send, read], e => Assert.Equal(MarketplaceErrorKind.Authorization, e.Kind));
        Assert.NotNull(fetch.RequestId);
        Assert.Equal(1, h.Server.CallCount(Relations));
        Assert.DoesNotContain(value, fetch.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Fetch_PermissionDeniedOrExpiredSession_IsAuthorizationInEitherErrorShape(bool topLevelShape)
    {
        // Pinned: under Auto a permission refusal of versiontwo switches to the IM family (AliExpressFamilySwitchTests).
        await using var h = await AliExpressHarness.StartAsync(settings: new Dictionary<string, string?> { ["Marketplace:AliExpress:MessageApi"] = "VersionTwo" });
        h.Server.FailNext(Relations, FakeFault.PermissionDenied() with { TopLevelShape = topLevelShape });
        h.Server.FailNext(Relations, FakeFault.ExpiredSession() with { TopLevelShape = topLevelShape });

        var denied = await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.FetchAsync(null, CancellationToken.None));
        var expired = await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.FetchAsync(null, CancellationToken.None));

        Assert.Equal(MarketplaceErrorKind.Authorization, denied.Kind);
        Assert.Equal(MarketplaceErrorKind.Authorization, expired.Kind);
        Assert.Contains("IllegalAccessToken", expired.Code);
        Assert.Equal(2, h.Server.CallCount(Relations));
    }

    [Fact]
    public async Task AnyCall_ClockFarFromThePlatform_IsAuthorization()
    {
        await using var skewed = await FakeAliExpressServer.StartAsync(time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(AliExpressHarness.Start.AddHours(3)));
        await using var h = await AliExpressHarness.StartAsync(settings: new Dictionary<string, string?> { ["Marketplace:AliExpress:GatewayUrl"] = skewed.BaseUrl });

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.FetchAsync(null, CancellationToken.None));

        Assert.Equal(MarketplaceErrorKind.Authorization, error.Kind);
        Assert.Contains("timestamp", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
