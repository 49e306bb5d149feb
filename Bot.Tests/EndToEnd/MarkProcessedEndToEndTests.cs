using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd;

/// <summary>A staff reply accepted by AliExpress marks the conversation processed in the seller center, once.</summary>
public sealed class MarkProcessedEndToEndTests
{
    private const string Processed = "aliexpress.message.redefining.versiontwo.updatemsgprocessed";
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    private static readonly TimeSpan Timeout = StaffGroupBridge.Timeout;

    [Fact]
    public async Task StaffReply_MarksTheConversationProcessedExactlyOnce()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(BridgeHost.StaffChatId, "Store staff");
        await using var aliexpress = await FakeAliExpressServer.StartAsync();
        await using var bridge = await BridgeHost.StartAsync(telegram, null, AliExpressEndToEndTests.Settings(aliexpress));
        aliexpress.AddBuyerMessage("3001234567891", "buyer_eva", "Eva", "Is it shipped?");
        var post = await Eventually.ValueAsync(
            () => telegram.SentTo(BridgeHost.StaffChatId).FirstOrDefault(m => m.VisibleText?.Contains("Is it shipped?", StringComparison.Ordinal) == true), Timeout);
        Assert.Empty(aliexpress.Processed); // a buyer message alone is not an answer

        var reply = telegram.EnqueueMessage(BridgeHost.StaffChatId, 5001, "Sam", "Yes, today.", threadId: post.ThreadId);
        await Eventually.TrueAsync(() => telegram.Reactions(BridgeHost.StaffChatId, reply).Contains("👍"), Timeout);
        await Eventually.TrueAsync(() => aliexpress.Processed.Count > 0, Timeout);
        var polls = aliexpress.CallCount(Relations);
        await Eventually.TrueAsync(() => aliexpress.CallCount(Relations) > polls + 3, Timeout); // the echo came back meanwhile

        Assert.Equal([("3001234567891", "1")], aliexpress.Processed);
        Assert.Equal(1, aliexpress.CallCount(Processed));
    }
}
