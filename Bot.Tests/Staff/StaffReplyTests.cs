using Bot.Core.Chat;
using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Core.Routing;
using Bot.Tests.Harness;

namespace Bot.Tests.Staff;

public sealed class StaffReplyTests : IAsyncLifetime
{
    private CoreHarness harness = null!;
    private int topic;

    public async Task InitializeAsync()
    {
        harness = await CoreHarness.StartAsync();
        topic = await harness.OpenTopicAsync("9001", "Is it in stock?");
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private IChatUpdateHandler Updates => harness.Get<IChatUpdateHandler>();

    [Fact]
    public async Task StaffReply_InTopic_IsPostedToTheMarketplace_AndTicked()
    {
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 700, "Yes, ships tomorrow."), CancellationToken.None);
        await harness.DrainAsync();

        var sent = Assert.Single(harness.Marketplace.Sent);
        Assert.Equal("9001", sent.ConversationId);
        Assert.Equal("buyer-1", sent.BuyerId);
        Assert.Equal("Yes, ships tomorrow.", sent.Text);
        Assert.Contains(harness.Gateway.Reactions, r => r.ChatId == CoreHarness.StaffChatId && r.MessageId == 700 && r.Emoji == "👍");
    }

    [Fact]
    public async Task EchoOfTheBridgesOwnPost_IsNotRelayedAgain()
    {
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 701, "Yes, ships tomorrow."), CancellationToken.None);
        await harness.DrainAsync();
        var postsBefore = harness.Gateway.Texts.Count;

        await harness.RunAsync(); // the echo comes back through the poller

        Assert.Equal(postsBefore, harness.Gateway.Texts.Count);
        Assert.Single(harness.Marketplace.Sent);
    }

    [Fact]
    public async Task SameUpdateTwice_IsSentOnce()
    {
        var reply = StaffMessages.Reply(topic, 702, "Once only");
        await Updates.HandleMessageAsync(reply, CancellationToken.None);
        await Updates.HandleMessageAsync(reply, CancellationToken.None);
        await harness.DrainAsync();

        Assert.Single(harness.Marketplace.Sent);
    }

    [Fact]
    public async Task Sticker_GetsAPoliteNote_AndNothingReachesTheMarketplace()
    {
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 703, null, sticker: true), CancellationToken.None);
        await harness.DrainAsync();

        Assert.Empty(harness.Marketplace.Sent);
        Assert.Contains(harness.Gateway.Texts, t => t.ReplyToMessageId == 703 && t.Html.Contains("Only text", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PhotoWithCaption_PostsTheImageThenTheCaption_AndTheRecordKeepsTheImageUrl()
    {
        harness.Gateway.Files["file-1"] = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 704, "Here is the real item", photo: "file-1"), CancellationToken.None);
        await harness.DrainAsync();

        Assert.Equal([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], Assert.Single(harness.Marketplace.Uploads));
        var sent = harness.Marketplace.Sent.ToArray();
        Assert.Equal(("", "https://images.example/1.jpg"), (sent[0].Text, sent[0].ImageUrl));
        Assert.Equal(("Here is the real item", null), (sent[1].Text, sent[1].ImageUrl));
        Assert.Contains(harness.Gateway.Reactions, r => r.MessageId == 704 && r.Emoji == "👍");
    }

    [Fact]
    public async Task PhotoTheMarketplaceRefuses_TellsStaffWhy_AndPostsNothing()
    {
        harness.Gateway.Files["file-2"] = [1, 2, 3];
        harness.Marketplace.UploadRefusal = new MarketplaceException(MarketplaceErrorKind.Rejected, "AliExpress refused uploadtempimage: image format must be jpg, png or gif");
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 709, null, photo: "file-2"), CancellationToken.None);
        await harness.DrainAsync();

        Assert.Empty(harness.Marketplace.Sent);
        Assert.Contains(harness.Gateway.Reactions, r => r.MessageId == 709 && r.Emoji == "👎");
        Assert.Contains(harness.Gateway.Texts, t => t.Html.Contains("image format must be jpg, png or gif", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MessagesOutsideABoundTopic_OrFromOtherChats_AreIgnored()
    {
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 705, "general chatter") with { TopicId = null, IsTopicMessage = false }, CancellationToken.None);
        await Updates.HandleMessageAsync(StaffMessages.Reply(9999, 706, "unbound topic"), CancellationToken.None);
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 707, "foreign group") with { ChatId = -100555 }, CancellationToken.None);
        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 708, "private") with { ChatId = 42, ChatType = ChatType.Private }, CancellationToken.None);
        await harness.DrainAsync();

        Assert.Empty(harness.Marketplace.Sent);
        Assert.Empty(await harness.Get<IOutboxRepository>().ListAsync(OutboxStatus.Pending, 10, CancellationToken.None));
    }

    [Fact]
    public async Task LongReply_IsSplitToTheMarketplacesLimit()
    {
        harness.Marketplace.Capabilities = harness.Marketplace.Capabilities with { MaxTextLength = 100 };
        var text = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"part{i}"));

        await Updates.HandleMessageAsync(StaffMessages.Reply(topic, 709, text), CancellationToken.None);
        await harness.DrainAsync();
        await harness.RunAsync(); // echoes of every part come back

        Assert.True(harness.Marketplace.Sent.Count > 1);
        Assert.All(harness.Marketplace.Sent, s => Assert.True(s.Text.Length <= 100));
        Assert.Equal(text, string.Join(' ', harness.Marketplace.Sent.Select(s => s.Text)));
        Assert.DoesNotContain(harness.Gateway.Texts, t => t.Html.Contains("Seller center", StringComparison.Ordinal));
    }
}
