using Bot.Core.Marketplace;
using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;
using Bot.Core.Outbox;
using Bot.Marketplace;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Bot.Tests.AliExpress;

/// <summary>The daily call budget: gateway calls counted as they leave the real client, on a fake clock.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressCallBudgetTests(ITestOutputHelper output)
{
    private static readonly MarketplaceOptions Pace = AliExpressPollPaceTests.Pace;

    [Fact]
    public async Task CallBudget_ProjectedUseAboveIt_WarnsOperators()
    {
        await using var h = await AliExpressHarness.StartAsync();
        var budget = new MarketplaceOptions { DailyCallBudget = 1000 };
        var health = new BridgeHealth(h.Time);
        var watch = new CallBudgetWatch(h.Get<MarketplaceCallMeter>(), health, Options.Create(budget), NullLogger<CallBudgetWatch>.Instance);
        var poller = new PacedPoller(h, Pace);

        // A buyer who writes every minute keeps polls quick: 4 calls a minute or more.
        var warnedAfter = (TimeSpan?)null;
        for (var minute = 0; minute < 90 && warnedAfter is null; minute++)
        {
            h.Server.AddBuyerMessage("8910000003", "b3", "B3", $"message {minute}");
            while (h.Time.GetUtcNow() < AliExpressHarness.Start.AddMinutes(minute + 1))
            {
                await poller.PollAsync();
                watch.Check();
                warnedAfter ??= health.MarketplaceWarning is null ? null : h.Time.GetUtcNow() - AliExpressHarness.Start;
            }
        }

        Assert.NotNull(warnedAfter);
        var snapshot = new BridgeSnapshot(h.Time.GetUtcNow(), PartState.Unknown, PartState.Unknown, PartState.Unknown, false,
            new OutboxStats(0, 0, null), TimeSpan.Zero, 0, 0, 0, 0, MarketplaceWarning: health.MarketplaceWarning);
        var alert = Assert.Single(AlertRules.Evaluate(snapshot, null, new OperationsOptions()), a => a.Key == AlertRules.MarketplaceCallBudget);
        output.WriteLine($"warned after {warnedAfter}: {alert.Text}");
        Assert.Contains("Marketplace__AliExpress__DailyCallBudget", alert.Text);
        Assert.Contains("1,000", alert.Text);
    }

    [Fact]
    public async Task CallBudget_IdleUseBelowIt_StaysQuiet()
    {
        await using var h = await AliExpressHarness.StartAsync();
        var health = new BridgeHealth(h.Time);
        var watch = new CallBudgetWatch(h.Get<MarketplaceCallMeter>(), health, Options.Create(new MarketplaceOptions { DailyCallBudget = 1000 }), NullLogger<CallBudgetWatch>.Instance);
        var poller = new PacedPoller(h, Pace);
        while (h.Time.GetUtcNow() < AliExpressHarness.Start.AddHours(3))
        {
            await poller.PollAsync();
            watch.Check();
            Assert.Null(health.MarketplaceWarning);
        }
    }
}
