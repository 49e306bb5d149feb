using Bot.Core.Operations;
using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Testing.Wildberries;

namespace Bot.Tests.EndToEnd;

/// <summary>The real host with <c>Marketplace:Provider=Wildberries</c>, against the fake Wildberries API and the fake Bot API.</summary>
[Harness.RunsLong]
public sealed class WildberriesEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = StaffGroupBridge.Timeout;
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];
    private const long Staff = BridgeHost.StaffChatId;
    private const string Chat = "1:7c9e6679-7425-40de-944b-e07fc1f90ae7";

    private FakeTelegramServer telegram = null!;
    private FakeWildberriesServer wildberries = null!;
    private BridgeHost bridge = null!;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        wildberries = await FakeWildberriesServer.StartAsync();
        bridge = await BridgeHost.StartAsync(telegram, null, Settings(wildberries));
    }

    public async Task DisposeAsync()
    {
        await bridge.DisposeAsync();
        await wildberries.DisposeAsync();
        await telegram.DisposeAsync();
    }

    public static Dictionary<string, string?> Settings(FakeWildberriesServer wildberries, string? token = null) => new()
    {
        ["Marketplace:Provider"] = "Wildberries",
        ["Marketplace:Wildberries:Token"] = token ?? wildberries.Token,
        ["Marketplace:Wildberries:BaseUrl"] = wildberries.BaseUrl,
        ["Marketplace:Wildberries:PollInterval"] = "00:00:00.200",
    };

    private Task<SentMessage> PostedAsync(string fragment) =>
        Eventually.ValueAsync(() => telegram.SentTo(Staff).FirstOrDefault(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);

    /// <summary>Waits for several more polls of the feed, then a buyer marker: once the marker is in the topic, any
    /// echo those polls brought would be there before it.</summary>
    private async Task AssertNothingMoreThanAMarkerAsync(int topic)
    {
        var count = telegram.SentTo(Staff, topic).Count;
        var polls = wildberries.CallCount("events");
        await Eventually.TrueAsync(() => wildberries.CallCount("events") > polls + 3, Timeout);
        wildberries.AddBuyerMessage(Chat, "Anna", "Marker after the echo");
        await PostedAsync("Marker after the echo");
        Assert.Equal(count + 1, telegram.SentTo(Staff, topic).Count);
    }

    [Fact]
    public async Task BuyerMessage_ToATopicWithTheWildberriesCard_StaffReply_PostedWithTheReplySign_EchoNotRelayed_NothingThrottled()
    {
        wildberries.AddBuyerMessage(Chat, "Anna", "The sleeve came torn", rid: "98765.0.0", nmId: 555);

        var post = await PostedAsync("sleeve came torn");
        var topic = post.ThreadId!.Value;
        Assert.Contains(telegram.Topics(Staff), t => t.ThreadId == topic && t.Name.Contains("98765.0.0", StringComparison.Ordinal) && t.Name.Contains("Anna", StringComparison.Ordinal));
        var card = telegram.SentTo(Staff, topic)[0];
        Assert.Contains("Marketplace: wildberries", card.VisibleText, StringComparison.Ordinal);
        Assert.Contains("https://www.wildberries.ru/catalog/555/detail.aspx", card.Text, StringComparison.Ordinal);

        var reply = telegram.EnqueueMessage(Staff, 5001, "Sam", "We will send a new one today.", threadId: topic);
        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        var sent = Assert.Single(wildberries.Sent);
        Assert.Equal((Chat, wildberries.ReplySignOf(Chat), "We will send a new one today."), (sent.ChatId, sent.ReplySign, sent.Text));

        await AssertNothingMoreThanAMarkerAsync(topic);
        Assert.Equal(0, wildberries.Throttled); // polls every 200 ms, paced to the platform's 10 requests per 10 s
    }

    [Fact]
    public async Task BuyerPhoto_IsDownloadedWithTheToken_AndShownInTheTopic()
    {
        wildberries.AddBuyerMessage(Chat, "Anna", "Look at this stain", images: new Dictionary<string, FakeWbDownload> { ["dl-77"] = new(Jpeg, "image/jpeg") });

        var post = await PostedAsync("Look at this stain");
        var photo = await Eventually.ValueAsync(() => telegram.SentTo(Staff, post.ThreadId).FirstOrDefault(m => m.Photo is not null), Timeout);
        Assert.Equal(Jpeg, photo.Photo);
        Assert.Equal(1, wildberries.CallCount("download"));
    }

    [Fact]
    public async Task StaffPhotoWithCaption_IsSentAsAFileThenTheCaption_AndBothEchoesAreRecognised()
    {
        wildberries.AddBuyerMessage(Chat, "Anna", "Can you show the replacement?");
        var topic = (await PostedAsync("show the replacement")).ThreadId!.Value;

        var reply = telegram.EnqueueMessage(Staff, 5001, "Sam", "Here it is.", threadId: topic, photoFileId: telegram.RegisterFile(Jpeg));

        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        var sent = wildberries.Sent;
        Assert.Equal(2, sent.Count);
        Assert.Equal(("", "image/jpeg"), (sent[0].Text, Assert.Single(sent[0].Files).ContentType));
        Assert.Equal(("Here it is.", 0), (sent[1].Text, sent[1].Files.Count));
        await AssertNothingMoreThanAMarkerAsync(topic);
    }

    [Fact]
    public async Task StaleReplySign_TheReplyIsStillDelivered_WithTheSignListedAfresh()
    {
        wildberries.AddBuyerMessage(Chat, "Anna", "Hello?");
        var topic = (await PostedAsync("Hello?")).ThreadId!.Value;
        var fresh = wildberries.RotateReplySign(Chat);

        var reply = telegram.EnqueueMessage(Staff, 5001, "Sam", "Yes, we are here.", threadId: topic);

        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        Assert.Equal(fresh, Assert.Single(wildberries.Sent).ReplySign);
    }

    [Fact]
    public async Task InviteToTelegram_IsRefusedWithANote_AndNothingIsPostedToTheBuyer()
    {
        wildberries.AddBuyerMessage(Chat, "Anna", "Can we talk elsewhere?");
        var topic = (await PostedAsync("talk elsewhere")).ThreadId!.Value;

        telegram.EnqueueMessage(Staff, 5001, "Sam", "/invite", threadId: topic);

        await Eventually.TrueAsync(() => telegram.SentTo(Staff, topic).Any(m => m.VisibleText?.Contains("rules forbid inviting buyers", StringComparison.Ordinal) == true), Timeout);
        Assert.Empty(wildberries.Sent);
    }
}

