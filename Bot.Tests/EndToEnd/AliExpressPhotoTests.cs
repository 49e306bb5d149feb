using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd;

/// <summary>Staff photos through the real host: downloaded from the fake Bot API, uploaded to the fake AliExpress with
/// uploadtempimage and posted with addmsg's img_path.</summary>
public sealed class AliExpressPhotoTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = StaffGroupBridge.Timeout;
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];
    private const long Staff = BridgeHost.StaffChatId;
    private const string Order = "3001234567890";

    private FakeTelegramServer telegram = null!;
    private FakeAliExpressServer aliexpress = null!;
    private BridgeHost bridge = null!;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        aliexpress = await FakeAliExpressServer.StartAsync();
        bridge = await BridgeHost.StartAsync(telegram, null, AliExpressEndToEndTests.Settings(aliexpress));
    }

    public async Task DisposeAsync()
    {
        await bridge.DisposeAsync();
        await aliexpress.DisposeAsync();
        await telegram.DisposeAsync();
    }

    private async Task<int> TopicAsync()
    {
        aliexpress.AddBuyerMessage(Order, "buyer_ana", "Ana", "Can I see the real item?");
        var post = await Eventually.ValueAsync(() => telegram.SentTo(Staff).FirstOrDefault(m => m.VisibleText?.Contains("real item", StringComparison.Ordinal) == true), Timeout);
        return post.ThreadId!.Value;
    }

    [Fact]
    public async Task StaffPhotoWithCaption_ReachesAliExpress_AsAnUploadedImage_ThenTheCaption_AndBothEchoesAreRecognised()
    {
        var topic = await TopicAsync();
        var photo = telegram.RegisterFile(Jpeg);

        var reply = telegram.EnqueueMessage(Staff, 5001, "Sam", "Here it is.", threadId: topic, photoFileId: photo);

        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        Assert.Equal(1, aliexpress.UploadCount);
        var sent = aliexpress.Sent;
        Assert.Equal(2, sent.Count);
        Assert.StartsWith("https://ae01.alicdn.com/kf/fake-1", sent[0].ImgPath, StringComparison.Ordinal);
        Assert.Equal(("", "order", Order), (sent[0].Content, sent[0].MessageType, sent[0].ExternId));
        Assert.Equal(("Here it is.", null), (sent[1].Content, sent[1].ImgPath));

        // Both posts come back in later polls (the image with empty content) and are recognised as echoes.
        var count = telegram.SentTo(Staff, topic).Count;
        var polls = aliexpress.CallCount("aliexpress.message.redefining.versiontwo.querymsgrelationlist");
        await Eventually.TrueAsync(() => aliexpress.CallCount("aliexpress.message.redefining.versiontwo.querymsgrelationlist") > polls + 3, Timeout);
        aliexpress.AddBuyerMessage(Order, "buyer_ana", "Ana", "Marker after the echoes");
        await Eventually.TrueAsync(() => telegram.SentTo(Staff, topic).Any(m => m.VisibleText?.Contains("Marker after", StringComparison.Ordinal) == true), Timeout);
        Assert.Equal(count + 1, telegram.SentTo(Staff, topic).Count);
    }

    [Fact]
    public async Task PhotoAliExpressRefuses_TellsStaffWhyInTheTopic_AndPostsNothing()
    {
        var topic = await TopicAsync();
        var notAnImage = telegram.RegisterFile("%PDF-1.4 not an image"u8.ToArray());

        var reply = telegram.EnqueueMessage(Staff, 5001, "Sam", "The invoice", threadId: topic, photoFileId: notAnImage);

        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("👎"), Timeout);
        await Eventually.TrueAsync(() => telegram.SentTo(Staff, topic).Any(m => m.VisibleText?.Contains("jpg, png or gif", StringComparison.Ordinal) == true), Timeout);
        Assert.Empty(aliexpress.Sent);
    }

    [Fact]
    public async Task StaffPdf_GetsANoteThatAliExpressTakesPicturesOnly_AndPostsNothing()
    {
        var topic = await TopicAsync();

        var reply = telegram.EnqueueDocument(Staff, 5001, "Sam", "%PDF-1.4"u8.ToArray(), "invoice.pdf", "application/pdf", caption: "The invoice", threadId: topic);

        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("🤷"), Timeout);
        // The reaction and the note are separate sends: the note may follow a moment later.
        await Eventually.TrueAsync(() => telegram.SentTo(Staff, topic).Any(m => m.VisibleText?.Contains("invoice.pdf is a PDF file, and this marketplace takes only JPEG, PNG or GIF files", StringComparison.Ordinal) == true), Timeout);
        Assert.Equal(0, aliexpress.UploadCount);
        Assert.Empty(aliexpress.Sent);
    }

    [Fact]
    public async Task StaffPictureSentAsAFile_ReachesAliExpress_AsAnUploadedImage()
    {
        var topic = await TopicAsync();

        var reply = telegram.EnqueueDocument(Staff, 5001, "Sam", Jpeg, "item.jpg", "image/jpeg", threadId: topic);

        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        Assert.Equal(1, aliexpress.UploadCount);
        Assert.StartsWith("https://ae01.alicdn.com/kf/fake-1", Assert.Single(aliexpress.Sent).ImgPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryAfterAFailedAddmsg_PostsTheSameImage_WithoutUploadingItAgain()
    {
        var topic = await TopicAsync();
        var photo = telegram.RegisterFile(Jpeg);
        aliexpress.FailNext("aliexpress.message.redefining.versiontwo.addmsg", FakeFault.Status(503));

        var reply = telegram.EnqueueMessage(Staff, 5001, "Sam", null, threadId: topic, photoFileId: photo);

        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        Assert.Equal(1, aliexpress.UploadCount);
        Assert.Equal(2, aliexpress.CallCount("aliexpress.message.redefining.versiontwo.addmsg"));
        Assert.StartsWith("https://ae01.alicdn.com/kf/fake-1", Assert.Single(aliexpress.Sent).ImgPath, StringComparison.Ordinal);
    }
}
