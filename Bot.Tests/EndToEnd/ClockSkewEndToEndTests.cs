using System.Globalization;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd;

/// <summary>The host's clock and the marketplace's disagree: polling follows the marketplace's timestamps.</summary>
public sealed class ClockSkewEndToEndTests
{
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    private static readonly TimeSpan Timeout = StaffGroupBridge.Timeout;

    [Theory]
    [InlineData(15)]
    [InlineData(-15)]
    public async Task BridgeClockOffByFifteenMinutes_NewMessagesAllArriveExactlyOnce(int bridgeAheadMinutes)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(BridgeHost.StaffChatId, "Store staff");
        await using var aliexpress = await FakeAliExpressServer.StartAsync(new FakeAliExpressServerOptions { ClockOffset = TimeSpan.FromMinutes(-bridgeAheadMinutes) });
        await using var bridge = await BridgeHost.StartAsync(telegram, null, AliExpressEndToEndTests.Settings(aliexpress));
        await WaitForPollsAsync(telegram, aliexpress, 2);

        var texts = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var text = $"skewed clock message {i.ToString(CultureInfo.InvariantCulture)}";
            texts.Add(text);
            aliexpress.AddBuyerMessage(i % 2 == 0 ? "3009000000001" : "3009000000002", "buyer_" + (i % 2), "Buyer", text);
            await WaitForPollsAsync(telegram, aliexpress, 1);
        }

        await Eventually.TrueAsync(() => texts.All(t => Posts(telegram, t) > 0), Timeout);
        await WaitForPollsAsync(telegram, aliexpress, 5);
        // A message per order after those polls is posted after anything they brought in that order: a second copy included.
        aliexpress.AddBuyerMessage("3009000000001", "buyer_0", "Buyer", "marker 0 after the polls");
        aliexpress.AddBuyerMessage("3009000000002", "buyer_1", "Buyer", "marker 1 after the polls");
        await Eventually.TrueAsync(() => Posts(telegram, "after the polls") == 2, Timeout);

        Assert.All(texts, t => Assert.Equal(1, Posts(telegram, t)));
    }

    private static int Posts(FakeTelegramServer telegram, string text) =>
        telegram.SentTo(BridgeHost.StaffChatId).Count(m => m.VisibleText?.Contains(text, StringComparison.Ordinal) == true);

    private static async Task WaitForPollsAsync(FakeTelegramServer telegram, FakeAliExpressServer aliexpress, int polls)
    {
        var target = aliexpress.CallCount(Relations) + polls;
        await Eventually.TrueAsync(() => aliexpress.CallCount(Relations) >= target, Timeout);
    }
}
