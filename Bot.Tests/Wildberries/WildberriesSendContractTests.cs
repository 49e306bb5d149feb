using Bot.Core.Conversations;
using Bot.Core.Marketplace;

namespace Bot.Tests.Wildberries;

/// <summary>The adapter posting into the fake over HTTP: the replySign, a stale sign, files and the platform's limits.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class WildberriesSendContractTests : IAsyncLifetime
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];
    private const string Chat = "1:chat-s";
    private WildberriesHarness wb = null!;
    private MarketplaceMessage opening = null!;

    public async Task InitializeAsync()
    {
        wb = await WildberriesHarness.StartAsync();
        wb.Server.AddBuyerMessage(Chat, "Sofia", "Where is my refund?");
        opening = Assert.Single((await wb.Client.FetchAsync(null, CancellationToken.None)).Messages);
    }

    public async Task DisposeAsync() => await wb.DisposeAsync();

    private MarketplaceOutgoing Reply(string text, string? image = null) => new(Chat, ConversationKind.Order, Chat, text, opening.ReplyContext, image);

    [Fact]
    public async Task Reply_IsPostedAsMultipartWithTheChatsReplySign_AndGivesNoMessageId()
    {
        var result = await wb.Client.SendAsync(Reply("It was sent today."), CancellationToken.None);

        Assert.Null(result.MessageId);
        var sent = Assert.Single(wb.Server.Sent);
        Assert.Equal((Chat, wb.Server.ReplySignOf(Chat), "It was sent today."), (sent.ChatId, sent.ReplySign, sent.Text));
        await wb.Client.MarkReadAsync(Chat, ConversationKind.Order, CancellationToken.None); // no such call: nothing is requested
        Assert.Equal(0, wb.Server.CallCount("chats"));
    }

    [Fact]
    public async Task StaleReplySign_IsRefreshedFromTheChatList_AndThePostTriedOnceMore()
    {
        var fresh = wb.Server.RotateReplySign(Chat);

        await wb.Client.SendAsync(Reply("After the change"), CancellationToken.None);

        Assert.Equal(2, wb.Server.CallCount("message"));
        Assert.Equal(1, wb.Server.CallCount("chats"));
        Assert.Equal(fresh, Assert.Single(wb.Server.Sent).ReplySign);
    }

    [Fact]
    public async Task TextOverTheLimit_IsRejected_InThePlatformsWords_WithoutListingChatsAgainAndAgain()
    {
        var error = await Assert.ThrowsAsync<MarketplaceException>(() => wb.Client.SendAsync(Reply(new string('a', 1001)), CancellationToken.None));

        Assert.Equal(MarketplaceErrorKind.Rejected, error.Kind);
        Assert.Contains("longer than 1000 characters", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, wb.Server.CallCount("chats")); // the sign did not change: not posted twice
        Assert.Empty(wb.Server.Sent);
    }

    [Fact]
    public async Task StaffPhoto_IsSentAsAFile_AndItsEchoCarriesTheReferenceTheCoreRecorded()
    {
        var reference = await wb.Client.UploadImageAsync(Jpeg, "photo-7.jpg", CancellationToken.None);
        await wb.Client.SendAsync(Reply("", reference), CancellationToken.None);

        var file = Assert.Single(Assert.Single(wb.Server.Sent).Files);
        Assert.Equal(("photo-7.jpg", "image/jpeg"), (file.Name, file.ContentType));
        Assert.Equal(Jpeg, file.Data);
        var echo = Assert.Single((await wb.Client.FetchAsync(null, CancellationToken.None)).Messages, m => m.Author == MarketplaceAuthor.Seller);
        Assert.Contains(reference, echo.ImageUrls);
    }

    [Fact]
    public async Task PhotoThatIsNotJpegOrPng_OrOver5MB_IsRefusedBeforeAnythingIsPosted()
    {
        var gif = await Assert.ThrowsAsync<MarketplaceException>(() => wb.Client.UploadImageAsync("GIF89a"u8.ToArray(), "a.gif", CancellationToken.None));
        var big = new byte[(5 * 1024 * 1024) + 1];
        Jpeg.CopyTo(big, 0);
        var large = await Assert.ThrowsAsync<MarketplaceException>(() => wb.Client.UploadImageAsync(big, "b.jpg", CancellationToken.None));

        Assert.Equal((MarketplaceErrorKind.Rejected, MarketplaceErrorKind.Rejected), (gif.Kind, large.Kind));
        Assert.Contains("JPEG, PNG or PDF", gif.Message, StringComparison.Ordinal);
        Assert.Contains("5 MB", large.Message, StringComparison.Ordinal);
        Assert.Equal(0, wb.Server.CallCount("message"));
    }

    [Fact]
    public async Task PhotoPreparedBeforeARestart_IsRefusedAsAnUploadGone_NotPostedEmpty()
    {
        var error = await Assert.ThrowsAsync<MarketplaceException>(() => wb.Client.SendAsync(Reply("", "wildberries-upload:gone"), CancellationToken.None));

        Assert.Equal((MarketplaceErrorKind.Rejected, MarketplaceException.UploadGone), (error.Kind, error.Code)); // the core uploads it again
        Assert.Contains("send it again", error.Message, StringComparison.Ordinal);
        Assert.Empty(wb.Server.Sent);
    }

    [Fact]
    public async Task ReplyToAChatWildberriesNoLongerLists_IsRejected_WithASentence()
    {
        var error = await Assert.ThrowsAsync<MarketplaceException>(() =>
            wb.Client.SendAsync(new MarketplaceOutgoing("1:gone", ConversationKind.Order, "1:gone", "Hello"), CancellationToken.None));

        Assert.Equal(MarketplaceErrorKind.Rejected, error.Kind);
        Assert.Contains("lists no chat 1:gone", error.Message, StringComparison.Ordinal);
    }
}

