using Bot.Core.Marketplace;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd;

/// <summary>The real host over the IM message family (<c>aliexpress/message/*</c>), pinned or reached by Auto's
/// switch, against the fake AliExpress server and the fake Bot API.</summary>
public sealed class ImFamilyEndToEndTests : IAsyncLifetime
{
    private const long Staff = BridgeHost.StaffChatId;
    private const string Sessions = "aliexpress/message/history/buyer/list";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private FakeTelegramServer telegram = null!;
    private FakeAliExpressServer aliexpress = null!;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        aliexpress = await FakeAliExpressServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await aliexpress.DisposeAsync();
        await telegram.DisposeAsync();
    }

    [Fact]
    public async Task PinnedIm_BuyerMessageReachesTheTopic_StaffReplyGoesOutWithSend_AndItsEchoIsNotRelayed()
    {
        var settings = AliExpressEndToEndTests.Settings(aliexpress);
        settings["Marketplace:AliExpress:MessageApi"] = "Im";
        await using var bridge = await BridgeHost.StartAsync(telegram, null, settings);
        aliexpress.AddBuyerMessage("3009000000001", "buyer_ima", "Ima", "Is the blue one in stock?");

        var post = await PostedAsync("blue one in stock");
        var reply = telegram.EnqueueMessage(Staff, 5001, "Sam", "Yes, it is.", threadId: post.ThreadId);
        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);

        var sent = Assert.Single(aliexpress.Sent);
        Assert.Equal(("aliexpress/message/send", aliexpress.ImBuyerIdOf("buyer_ima"), "text", "Yes, it is."), (sent.Method, sent.BuyerId, sent.MessageType, sent.Content));
        await AssertEchoNotRelayedAsync(post.ThreadId!.Value, "buyer_ima", "Ima");
        Assert.All(FakeAliExpressServer.VersionTwoMethods, m => Assert.Equal(0, aliexpress.CallCount(m)));
    }

    [Fact]
    public async Task Auto_VersionTwoRetiredMidRun_SwitchesToIm_EveryBuyerMessageShownOnce_AndTheReplyEchoIsMatched()
    {
        await using var bridge = await BridgeHost.StartAsync(telegram, null, AliExpressEndToEndTests.Settings(aliexpress));
        aliexpress.AddBuyerMessage("3009000000002", "buyer_sw", "Swen", "First, over versiontwo");
        await PostedAsync("First, over versiontwo");

        aliexpress.RetireVersionTwo();
        aliexpress.AddBuyerMessage("3009000000002", "buyer_sw", "Swen", "Second, after the switch");
        var second = await PostedAsync("Second, after the switch");

        var client = bridge.Get<IMarketplaceClient>();
        await Eventually.TrueAsync(() => client.Notice?.Contains("IM (aliexpress/message/*)", StringComparison.Ordinal) == true, Timeout);
        using var http = new HttpClient { BaseAddress = new Uri(bridge.Url) };
        Assert.Contains("IM (aliexpress/message/*)", await http.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        var reply = telegram.EnqueueMessage(Staff, 5001, "Sam", "We ship it today.", threadId: second.ThreadId);
        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        Assert.Equal("aliexpress/message/send", Assert.Single(aliexpress.Sent).Method);
        await AssertEchoNotRelayedAsync(second.ThreadId!.Value, "buyer_sw", "Swen");

        // Polls after the switch re-list the first message (the overlap): it is still shown once, the second once.
        Assert.Single(telegram.SentTo(Staff), m => m.VisibleText?.Contains("First, over versiontwo", StringComparison.Ordinal) == true);
        Assert.Single(telegram.SentTo(Staff), m => m.VisibleText?.Contains("Second, after the switch", StringComparison.Ordinal) == true);
    }

    /// <summary>The echo comes back in the next polls as a seller message; a buyer message after them is the next post
    /// in the topic, so the echo was recognised and not relayed.</summary>
    private async Task AssertEchoNotRelayedAsync(int topic, string buyer, string name)
    {
        var count = telegram.SentTo(Staff, topic).Count;
        var polls = aliexpress.CallCount(Sessions);
        await Eventually.TrueAsync(() => aliexpress.CallCount(Sessions) > polls + 3, Timeout);
        aliexpress.AddBuyerMessage(aliexpress.ChatChannelOf(buyer), buyer, name, "Marker after the echo", kind: Bot.Core.Conversations.ConversationKind.Chat);
        var marker = await PostedAsync("Marker after the echo");
        Assert.Equal(count + 1, telegram.SentTo(Staff, topic).Count);
        Assert.Equal(marker.MessageId, telegram.SentTo(Staff, topic)[^1].MessageId);
    }

    private Task<SentMessage> PostedAsync(string fragment) =>
        Eventually.ValueAsync(() => telegram.SentTo(Staff).FirstOrDefault(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);
}
