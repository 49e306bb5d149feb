using System.Text.Json.Nodes;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Testing.AliExpress;

namespace Bot.Tests.AliExpress;

/// <summary>The IM family (<c>aliexpress/message/*</c>) through the real adapter against the fake, which checks the
/// signature and session and answers in the reference's shapes (reference section 3).</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressImContractTests
{
    private const string Sessions = "aliexpress/message/history/buyer/list";
    private const string Messages = "aliexpress/message/list2";
    private const string Send = "aliexpress/message/send";
    private const string Open = "aliexpress/message/session/open";

    internal static readonly Dictionary<string, string?> Im = new() { ["Marketplace:AliExpress:MessageApi"] = "Im" };

    [Fact]
    public async Task Fetch_OverIm_ReportsABuyersMessagesInOneConversationPerBuyer()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: Im);
        var first = h.Server.AddBuyerMessage("8100000001", "ru1buyer", "Ivan", "Where is my parcel?");
        h.Time.Advance(TimeSpan.FromSeconds(5));
        var second = h.Server.AddBuyerMessage(h.Server.ChatChannelOf("ru1buyer"), "ru1buyer", "Ivan", "And a photo", ["https://ae01.example/p.jpg"], ConversationKind.Chat);

        var batch = await h.Client.FetchAsync(null, CancellationToken.None);

        var buyerId = h.Server.ImBuyerIdOf("ru1buyer")!;
        Assert.Equal([first, second], batch.Messages.Select(m => m.MessageId));
        Assert.All(batch.Messages, m => Assert.Equal((buyerId, buyerId, ConversationKind.Chat, MarketplaceAuthor.Buyer, "Ivan"),
            (m.ConversationId, m.BuyerId, m.Kind, m.Author, m.BuyerName)));
        Assert.Equal(("Where is my parcel?", AliExpressHarness.Start), (batch.Messages[0].Text, batch.Messages[0].SentAt));
        Assert.Equal(["https://ae01.example/p.jpg"], batch.Messages[1].ImageUrls);
        Assert.Equal(0, h.Server.CallCount("aliexpress.message.redefining.versiontwo.querymsgrelationlist"));
    }

    [Fact]
    public async Task Fetch_OverIm_IdlePollCostsOneCall_AndNothingIsReportedTwice()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: Im);
        h.Server.AddBuyerMessage("8100000002", "ru2buyer", "Olga", "Hello");
        var first = await h.Client.FetchAsync(null, CancellationToken.None);
        var (sessions, messages) = (h.Server.CallCount(Sessions), h.Server.CallCount(Messages));

        h.Time.Advance(TimeSpan.FromSeconds(15));
        var idle = await h.Client.FetchAsync(first.NextCursor, CancellationToken.None);

        Assert.Single(first.Messages);
        Assert.Empty(idle.Messages);
        Assert.Equal((sessions + 1, messages), (h.Server.CallCount(Sessions), h.Server.CallCount(Messages)));

        var next = h.Server.AddBuyerMessage("8100000002", "ru2buyer", "Olga", "Still there?");
        var news = await h.Client.FetchAsync(idle.NextCursor, CancellationToken.None);
        Assert.Equal([next], news.Messages.Select(m => m.MessageId));
        Assert.Equal((sessions + 2, messages + 1), (h.Server.CallCount(Sessions), h.Server.CallCount(Messages)));
    }

    [Fact]
    public async Task Fetch_OverIm_PagesThroughMoreThanTwentyBuyersAndMessages()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: Im);
        for (var i = 0; i < 25; i++)
        {
            h.Server.AddBuyerMessage($"81000001{i:D2}", $"buyer{i}", $"B{i}", $"Buyer {i}");
            h.Time.Advance(TimeSpan.FromMilliseconds(10));
        }

        for (var i = 0; i < 30; i++)
        {
            h.Server.AddBuyerMessage("8100000100", "buyer0", "B0", $"More {i}");
            h.Time.Advance(TimeSpan.FromMilliseconds(10));
        }

        var (all, _, _) = await h.DrainAsync(null);

        Assert.Equal(55, all.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(55, all.Count);
        Assert.True(h.Server.CallCount(Sessions) >= 2, "25 buyers are two pages of 20");
    }

    [Fact]
    public async Task Send_TextOverIm_PostsTemplate1InScene1_AndComesBackAsTheSellersMessage()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: Im);
        h.Server.AddBuyerMessage("8100000003", "ru3buyer", "Pavel", "Hi");
        var first = await h.Client.FetchAsync(null, CancellationToken.None);
        var incoming = Assert.Single(first.Messages);
        h.Time.Advance(TimeSpan.FromSeconds(20));

        var result = await h.Client.SendAsync(new MarketplaceOutgoing(incoming.ConversationId, incoming.Kind, incoming.BuyerId, "Shipped today"), CancellationToken.None);

        Assert.Null(result.MessageId);
        var sent = Assert.Single(h.Server.Sent);
        Assert.Equal((Send, incoming.BuyerId, "text", "Shipped today"), (sent.Method, sent.BuyerId, sent.MessageType, sent.Content));
        var echo = Assert.Single((await h.Client.FetchAsync(first.NextCursor, CancellationToken.None)).Messages);
        Assert.Equal((sent.MessageId, MarketplaceAuthor.Seller, "Shipped today", incoming.ConversationId), (echo.MessageId, echo.Author, echo.Text, echo.ConversationId));
    }

    [Fact]
    public async Task Send_ImageOverIm_PostsTemplate3WithTheUploadedUrl_AndItsCaptionAfterIt()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: Im);
        h.Server.AddBuyerMessage("8100000004", "ru4buyer", "Anna", "Photo please");
        var first = await h.Client.FetchAsync(null, CancellationToken.None);
        var incoming = Assert.Single(first.Messages);

        await h.Client.SendAsync(new MarketplaceOutgoing(incoming.ConversationId, incoming.Kind, incoming.BuyerId, "", ImageUrl: "https://ae01.alicdn.com/kf/x.jpg"), CancellationToken.None);

        var sent = Assert.Single(h.Server.Sent);
        Assert.Equal(("image", "https://ae01.alicdn.com/kf/x.jpg", ""), (sent.MessageType, sent.ImgPath, sent.Content));
        var echo = Assert.Single((await h.Client.FetchAsync(first.NextCursor, CancellationToken.None)).Messages);
        Assert.Equal((MarketplaceAuthor.Seller, "", "https://ae01.alicdn.com/kf/x.jpg"), (echo.Author, echo.Text, Assert.Single(echo.ImageUrls))); // what the echo matcher compares
    }

    [Fact]
    public async Task Send_ToABuyerKnownByLoginId_OpensTheSessionOnceForTheNumericBuyerId()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: Im);
        h.Server.AddBuyerMessage("8100000005", "ru5buyer", "Lev", "Hi");

        // A conversation the older family found: it names the buyer by login id.
        await h.Client.SendAsync(new MarketplaceOutgoing("8100000005", ConversationKind.Order, "ru5buyer", "One"), CancellationToken.None);
        await h.Client.SendAsync(new MarketplaceOutgoing("8100000005", ConversationKind.Order, "ru5buyer", "Two"), CancellationToken.None);

        Assert.Equal(1, h.Server.CallCount(Open));
        Assert.All(h.Server.Sent, s => Assert.Equal(h.Server.ImBuyerIdOf("ru5buyer"), s.BuyerId));
        Assert.Equal(["One", "Two"], h.Server.Sent.Select(s => s.Content));
    }

    [Fact]
    public async Task Send_ToAnUnknownBuyer_IsRejectedInThePlatformsWords()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: Im);

        var error = await Assert.ThrowsAsync<MarketplaceException>(() =>
            h.Client.SendAsync(new MarketplaceOutgoing("42", ConversationKind.Chat, "42", "Hello"), CancellationToken.None));

        Assert.Equal(MarketplaceErrorKind.Rejected, error.Kind);
        Assert.Equal("BUYER_NOT_EXIST", error.Code);
        Assert.Contains("no conversation with this buyer_id", error.Message, StringComparison.Ordinal);
        Assert.Empty(h.Server.Sent);
    }

    [Fact]
    public async Task MarkReadAndProcessed_OverIm_CallNothing_TheFamilyHasNoSuchApi()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: Im);
        h.Server.AddBuyerMessage("8100000006", "ru6buyer", "Ira", "Hi");
        var incoming = Assert.Single((await h.Client.FetchAsync(null, CancellationToken.None)).Messages);
        var calls = h.Server.CallCount(Sessions) + h.Server.CallCount(Messages);

        await h.Client.MarkReadAsync(incoming.ConversationId, incoming.Kind, CancellationToken.None);
        await h.Client.MarkProcessedAsync(incoming.ConversationId, incoming.Kind, CancellationToken.None);

        Assert.Empty(h.Server.MarkedRead);
        Assert.Empty(h.Server.Processed);
        // And the bridge is told so, so that it queues neither.
        Assert.False(h.Client.MarksRead);
        Assert.False(h.Client.MarksProcessed);
        Assert.All(FakeAliExpressServer.VersionTwoMethods, m => Assert.Equal(0, h.Server.CallCount(m)));
        Assert.Equal(calls, h.Server.CallCount(Sessions) + h.Server.CallCount(Messages));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task Signature_NoPrefixFirst_ThenTheApiNameInFront_RememberingWhatWorked(bool gatewayWantsPrefix, bool unwrapped)
    {
        await using var h = await AliExpressHarness.StartAsync(new FakeAliExpressServerOptions { ImSignatureWithPrefix = gatewayWantsPrefix, ImUnwrapped = unwrapped }, settings: Im);
        h.Server.AddBuyerMessage("8100000007", "ru7buyer", "Oleg", "Hi");

        var first = await h.Client.FetchAsync(null, CancellationToken.None);
        var sessions = h.Server.CallCount(Sessions);
        h.Time.Advance(TimeSpan.FromSeconds(15));
        h.Server.AddBuyerMessage("8100000007", "ru7buyer", "Oleg", "Again");
        var second = await h.Client.FetchAsync(first.NextCursor, CancellationToken.None);

        Assert.Equal(["Hi"], first.Messages.Select(m => m.Text));
        Assert.Equal(["Again"], second.Messages.Select(m => m.Text));
        Assert.Equal(gatewayWantsPrefix ? 2 : 1, sessions); // one refused IncompleteSignature, then the prefixed call
        Assert.Equal(sessions + 1, h.Server.CallCount(Sessions)); // later calls sign the way that worked
        Assert.Equal(2, h.Server.CallCount(Messages)); // remembered for every IM API, not only the one that found out
    }

    [Fact]
    public async Task Fetch_OverIm_UnreadableRowsAreSetAside_CardsAndPlainContentAreRead()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: Im);
        h.Server.AddBuyerMessage("8100000008", "ru8buyer", "Vera", "Hi");
        var buyerId = h.Server.ImBuyerIdOf("ru8buyer");
        var at = AliExpressHarness.Start.ToUnixTimeMilliseconds();
        h.Server.AnswerNext(Messages, new JsonObject
        {
            ["result"] = new JsonObject
            {
                ["success"] = true,
                ["data"] = new JsonObject
                {
                    ["has_more"] = false,
                    ["message_list"] = new JsonArray(
                        new JsonObject { ["message_id"] = "m1", ["from_account_type"] = 11, ["template_id"] = 10007, ["content"] = "{\"order_id\":\"8100000008\"}", ["send_time"] = at },
                        new JsonObject { ["message_id"] = "m2", ["from_account_id"] = buyerId, ["template_id"] = 1, ["content"] = "plain words", ["send_time"] = at },
                        new JsonObject { ["from_account_type"] = 11, ["content"] = "{\"txt\":\"no id\"}", ["send_time"] = at },
                        new JsonObject { ["message_id"] = "m4", ["from_account_type"] = 11, ["content"] = "{\"txt\":\"bad time\"}", ["send_time"] = "yesterday-ish" }),
                },
            },
        });

        var batch = await h.Client.FetchAsync(null, CancellationToken.None);

        Assert.Equal(["m1", "m2"], batch.Messages.Select(m => m.MessageId));
        Assert.Equal(("8100000008", "[order 8100000008]"), (batch.Messages[0].Card?.OrderId, batch.Messages[0].Text));
        Assert.Equal(("plain words", MarketplaceAuthor.Buyer), (batch.Messages[1].Text, batch.Messages[1].Author));
        Assert.Equal(2, batch.SetAside?.Count);
    }
}
