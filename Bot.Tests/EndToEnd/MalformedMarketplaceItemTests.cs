using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Core.Outbox;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd;

/// <summary>A marketplace item the bridge cannot read is set aside for operators; polling goes on past it.</summary>
public sealed class MalformedMarketplaceItemTests
{
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    private const long OperatorChat = -1003000000003;
    private const long Operator = 111;
    private static readonly TimeSpan Timeout = StaffGroupBridge.Timeout;

    [Fact]
    public async Task MessageWithTimestampOutOfRange_IsSetAsideAndCountedOnce_AndTheGoodOnesAroundItArrive()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(BridgeHost.StaffChatId, "Store staff");
        telegram.AddSupergroup(OperatorChat, "Operators", forum: false);
        await using var aliexpress = await FakeAliExpressServer.StartAsync();
        var settings = AliExpressEndToEndTests.Settings(aliexpress);
        settings["Telegram:OperatorChatId"] = OperatorChat.ToString(CultureInfo.InvariantCulture);
        settings["Telegram:OperatorIds"] = Operator.ToString(CultureInfo.InvariantCulture);

        aliexpress.AddBuyerMessage("3007000000001", "buyer_a", "Ana", "Good message before the bad one");
        var bad = aliexpress.AddRawBuyerMessage("3007000000001", "buyer_a", "Ana", new JsonObject { ["gmt_create"] = 1e20, ["content"] = "bad time" });
        aliexpress.AddBuyerMessage("3007000000002", "buyer_b", "Bo", "Good message in another order");
        await using var bridge = await BridgeHost.StartAsync(telegram, null, settings);

        await Eventually.TrueAsync(() => Posts(telegram, "Good message before") == 1 && Posts(telegram, "Good message in another") == 1, Timeout);
        aliexpress.AddBuyerMessage("3007000000001", "buyer_a", "Ana", "Good message after the bad one");
        await Eventually.TrueAsync(() => Posts(telegram, "Good message after") == 1, Timeout);
        var polls = aliexpress.CallCount(Relations);
        await Eventually.TrueAsync(() => aliexpress.CallCount(Relations) >= polls + 3, Timeout);
        // A message after those polls is posted after anything they brought in this order: the bad row included.
        aliexpress.AddBuyerMessage("3007000000001", "buyer_a", "Ana", "Marker after the polls");
        await Eventually.TrueAsync(() => Posts(telegram, "Marker after the polls") == 1, Timeout);

        Assert.Equal(0, Posts(telegram, "bad time"));
        Assert.Equal(1, bridge.Get<RelayMetrics>().TotalSetAside);
        Assert.True(bridge.Get<Bot.Core.Operations.BridgeHealth>().Marketplace.Ok);
        telegram.EnqueueMessage(OperatorChat, Operator, "Olga", "/status");
        await Eventually.TrueAsync(() => OperatorSaid(telegram, "Malformed marketplace items set aside: 1"), Timeout);
        telegram.EnqueueMessage(OperatorChat, Operator, "Olga", "/setaside");
        await Eventually.TrueAsync(() => OperatorSaid(telegram, $"item {bad}") && OperatorSaid(telegram, "gmt_create 1E+20 is not a valid time"), Timeout);
    }

    private static int Posts(FakeTelegramServer telegram, string text) =>
        telegram.SentTo(BridgeHost.StaffChatId).Count(m => m.VisibleText?.Contains(text, StringComparison.Ordinal) == true);

    private static bool OperatorSaid(FakeTelegramServer telegram, string text) =>
        telegram.SentTo(OperatorChat).Any(m => m.VisibleText?.Contains(text, StringComparison.Ordinal) == true);
}
