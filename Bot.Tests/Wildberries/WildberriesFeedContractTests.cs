using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Testing.Wildberries;

namespace Bot.Tests.Wildberries;

/// <summary>The adapter reading the fake's events feed over HTTP: messages, cards, signs, the cursor and attachments.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class WildberriesFeedContractTests : IAsyncLifetime
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];
    private WildberriesHarness wb = null!;

    public async Task InitializeAsync() => wb = await WildberriesHarness.StartAsync();

    public async Task DisposeAsync() => await wb.DisposeAsync();

    [Fact]
    public async Task BuyerMessage_IsReadWithItsOrderCardAndReplySign_AndTheCursorOnlyBringsWhatIsNew()
    {
        wb.Server.AddBuyerMessage("1:chat-a", "Anna", "The zipper is broken", rid: "9876543210.0.0", nmId: 555);

        var first = await wb.Client.FetchAsync(null, CancellationToken.None);

        var message = Assert.Single(first.Messages);
        Assert.Equal(("1:chat-a", ConversationKind.Order, MarketplaceAuthor.Buyer, "Anna", "The zipper is broken"),
            (message.ConversationId, message.Kind, message.Author, message.BuyerName, message.Text));
        Assert.Equal("9876543210.0.0", message.Card?.OrderId);
        Assert.Equal("https://www.wildberries.ru/catalog/555/detail.aspx", message.Card?.ProductUrl);
        Assert.Contains("size M", message.Card?.ProductName, StringComparison.Ordinal);
        Assert.Equal(wb.Server.ReplySignOf("1:chat-a"), message.ReplyContext);
        Assert.True(first.HasMore);

        var drained = await wb.Client.FetchAsync(first.NextCursor, CancellationToken.None);
        Assert.Empty(drained.Messages);
        Assert.False(drained.HasMore);

        wb.Server.AddBuyerMessage("1:chat-a", "Anna", "Any news?");
        var next = await wb.Client.FetchAsync(drained.NextCursor, CancellationToken.None);
        Assert.Equal("Any news?", Assert.Single(next.Messages).Text);
        Assert.Equal(1000, wb.Client.Capabilities.MaxTextLength);
    }

    [Fact]
    public async Task FeedPages_AreFollowedWithNext_UntilNoEventsAreLeft()
    {
        wb.Server.PageSize = 2;
        for (var i = 0; i < 5; i++)
        {
            wb.Server.AddBuyerMessage($"1:chat-{i}", $"Buyer {i}", $"Question {i}");
        }

        var texts = new List<string>();
        string? cursor = null;
        for (var round = 0; round < 10; round++)
        {
            var batch = await wb.Client.FetchAsync(cursor, CancellationToken.None);
            texts.AddRange(batch.Messages.Select(m => m.Text));
            cursor = batch.NextCursor;
            if (!batch.HasMore)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"Question {i}"), texts);
    }

    [Fact]
    public async Task BuyerImage_IsDownloadedWithTheToken_AndOtherUrlsGoToThePublicFetcher()
    {
        wb.Server.AddBuyerMessage("1:chat-b", "Boris", "See the photo", images: new Dictionary<string, FakeWbDownload> { ["dl-1"] = new(Jpeg, "image/jpeg") });
        var message = Assert.Single((await wb.Client.FetchAsync(null, CancellationToken.None)).Messages);

        var url = Assert.Single(message.ImageUrls);
        Assert.StartsWith(wb.Server.BaseUrl + "/api/v1/seller/download/", url, StringComparison.Ordinal);
        Assert.Equal(Jpeg, await wb.Media.FetchAsync(url, 1_000_000, CancellationToken.None));
        Assert.Empty(wb.Inner.Asked);

        Assert.NotNull(await wb.Media.FetchAsync("https://cdn.example.com/a.jpg", 1_000_000, CancellationToken.None));
        Assert.Equal(["https://cdn.example.com/a.jpg"], wb.Inner.Asked);
    }

    [Fact]
    public async Task AttachmentInModeration_OrTooLarge_GivesNothing_AndAPdfIsAFileToDownload()
    {
        wb.Server.AddBuyerMessage("1:chat-c", "Cy", "Receipt and photo",
            images: new Dictionary<string, FakeWbDownload> { ["dl-mod"] = new(Jpeg, "image/jpeg", Status: 202) },
            files: [("dl-pdf", "receipt.pdf", new FakeWbDownload("%PDF-1.4"u8.ToArray(), "application/pdf"))]);
        var message = Assert.Single((await wb.Client.FetchAsync(null, CancellationToken.None)).Messages);

        Assert.Null(await wb.Media.FetchAsync(Assert.Single(message.ImageUrls), 1_000_000, CancellationToken.None));
        var pdf = Assert.Single(message.Attachments);
        Assert.Equal(("receipt.pdf", "application/pdf", 8L), (pdf.Name, pdf.ContentType, pdf.Size));
        Assert.Equal("Receipt and photo", message.Text);

        wb.Server.AddBuyerMessage("1:chat-c", "Cy", "Big one", images: new Dictionary<string, FakeWbDownload> { ["dl-big"] = new(new byte[5000], "image/jpeg") });
        var big = (await wb.Client.FetchAsync(null, CancellationToken.None)).Messages.Single(m => m.Text == "Big one");
        Assert.Null(await wb.Media.FetchAsync(Assert.Single(big.ImageUrls), 1000, CancellationToken.None));
    }

    [Fact]
    public async Task ChatMetFirstAfterItsOpening_GetsItsSignAndCardFromTheChatList()
    {
        wb.Server.AddBuyerMessage("1:chat-d", "Dina", "Opening");
        var cursor = (await wb.Client.FetchAsync(null, CancellationToken.None)).NextCursor;
        await using var restarted = await WildberriesHarness.StartAsync(server: wb.Server); // a new adapter: nothing cached
        wb.Server.AddBuyerMessage("1:chat-d", "Dina", "Second");

        var message = Assert.Single((await restarted.Client.FetchAsync(cursor, CancellationToken.None)).Messages);

        Assert.Equal(wb.Server.ReplySignOf("1:chat-d"), message.ReplyContext);
        Assert.NotNull(message.Card?.OrderId);
        Assert.Equal(1, wb.Server.CallCount("chats"));
    }

    [Fact]
    public async Task UnreadableEvent_IsSetAside_AndTheFeedMovesPastIt()
    {
        wb.Server.AddRawEvent(new System.Text.Json.Nodes.JsonObject { ["chatID"] = "1:chat-x", ["eventType"] = "message", ["sender"] = "client", ["message"] = new System.Text.Json.Nodes.JsonObject { ["text"] = "no id" } });
        wb.Server.AddBuyerMessage("1:chat-y", "Yan", "After the bad one");

        var batch = await wb.Client.FetchAsync(null, CancellationToken.None);

        Assert.Equal("After the bad one", Assert.Single(batch.Messages).Text);
        var aside = Assert.Single(batch.SetAside!);
        Assert.Equal(("1:chat-x", "no eventID"), (aside.ConversationId, aside.Reason));
    }

    [Fact]
    public async Task WildberriesOwnMessages_AreNotRelayed()
    {
        wb.Server.AddRawEvent(new System.Text.Json.Nodes.JsonObject { ["chatID"] = "1:chat-w", ["eventID"] = "ev-wb", ["eventType"] = "message", ["sender"] = "wb", ["addTime"] = "2026-01-01T00:00:00Z" });

        Assert.Empty((await wb.Client.FetchAsync(null, CancellationToken.None)).Messages);
    }
}

