using System.Globalization;
using Bot.Core.Marketplace;
using Bot.Core.Operations;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd;

/// <summary>The day's marketplace gateway calls are kept across a restart, so a bridge that restarts cannot overrun the
/// daily budget without the warning.</summary>
public sealed class CallCountRestartEndToEndTests
{
    private static readonly TimeSpan Timeout = StaffGroupBridge.Timeout;

    [Fact]
    public async Task DaysCallCount_AfterAGracefulRestart_GoesOnFromWhereItWas_AndTheBudgetWarningCountsTheCallsBefore()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(BridgeHost.StaffChatId, "Store staff");
        await using var aliexpress = await FakeAliExpressServer.StartAsync();
        var settings = AliExpressEndToEndTests.Settings(aliexpress);
        var first = await BridgeHost.StartAsync(telegram, null, settings);
        var database = first.DatabasePath;
        var meter = first.Get<MarketplaceCallMeter>();
        aliexpress.AddBuyerMessage("3001234567890", "buyer_ana", "Ana", "Is it in stock?");
        await Eventually.TrueAsync(() => meter.Read().Today >= 12, Timeout);
        await first.DisposeAsync();
        var before = meter.Read().Today;

        // A budget the calls before the restart used up: the next call is over it.
        settings["Marketplace:AliExpress:DailyCallBudget"] = before.ToString(CultureInfo.InvariantCulture);
        await using var second = await BridgeHost.StartAsync(telegram, null, settings, database);

        var restored = second.Get<MarketplaceCallMeter>().Read().Today;
        Assert.True(restored >= before, $"after the restart the day's count is {restored}, before it was {before}");
        var warning = await Eventually.ValueAsync(() => second.Get<BridgeHealth>().MarketplaceWarning, Timeout);
        Assert.Contains("over the daily budget of " + before.ToString("N0", CultureInfo.InvariantCulture), warning, StringComparison.Ordinal);
    }
}
