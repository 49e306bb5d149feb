using System.Globalization;
using Bot.Core.Marketplace;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;
using Bot.Core.Outbox;
using Bot.Marketplace;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Bot.Tests.AliExpress;

/// <summary>The poller's pace and the daily call budget, against the fake gateway through the real client on a fake clock.</summary>
public sealed class AliExpressPollPaceTests(ITestOutputHelper output)
{
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    private const string Details = "aliexpress.message.redefining.versiontwo.querymsgdetaillist";

    private static readonly MarketplaceOptions Pace = new()
    {
        PollInterval = TimeSpan.FromSeconds(15),
        IdlePollInterval = TimeSpan.FromMinutes(2),
        ActiveFor = TimeSpan.FromMinutes(5),
    };

    [Fact]
    public async Task PollInterval_GrowsWhileIdle_AndShrinksWhenABuyerWrites()
    {
        await using var h = await AliExpressHarness.StartAsync();
        var poller = new Poller(h, Pace);
        var idle = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            idle.Add(await poller.PollAsync());
        }

        h.Server.AddBuyerMessage("8910000001", "b1", "B1", "is it in stock?");
        var afterMessage = await poller.PollAsync();
        var whileActive = new List<TimeSpan>();
        while (h.Time.GetUtcNow() - poller.LastMessageAt < TimeSpan.FromMinutes(4))
        {
            whileActive.Add(await poller.PollAsync());
        }

        var afterActivity = new List<TimeSpan>();
        for (var i = 0; i < 10; i++)
        {
            afterActivity.Add(await poller.PollAsync());
        }

        output.WriteLine($"idle waits: {string.Join(", ", idle.Select(w => w.TotalSeconds))} s; after a message: {afterMessage.TotalSeconds} s; then {string.Join(", ", afterActivity.Select(w => w.TotalSeconds))} s");
        Assert.Equal([30, 60, 120, 120, 120], idle.Select(w => w.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(15), afterMessage);
        Assert.All(whileActive, w => Assert.Equal(TimeSpan.FromSeconds(15), w));
        Assert.Equal(afterActivity.Order(), afterActivity);
        Assert.Equal(TimeSpan.FromMinutes(2), afterActivity[^1]);
    }

    [Fact]
    public async Task IdleDay_CostsAGatewayCallEveryIdlePollInterval()
    {
        await using var h = await AliExpressHarness.StartAsync();
        h.Server.AddBuyerMessage("8910000002", "b2", "B2", "thanks, received");
        var poller = new Poller(h, Pace);
        await poller.PollAsync();
        var before = Calls(h);
        var polls = 0;
        while (h.Time.GetUtcNow() < AliExpressHarness.Start.AddDays(1))
        {
            await poller.PollAsync();
            polls++;
        }

        var calls = Calls(h) - before;
        output.WriteLine($"an idle day: {polls} polls, {calls} gateway calls (a fixed 15 s interval would poll 5760 times)");
        Assert.InRange(calls, polls, polls + 2);
        Assert.InRange(polls, 700, 760);
    }

    [Fact]
    public async Task CallBudget_ProjectedUseAboveIt_WarnsOperators()
    {
        await using var h = await AliExpressHarness.StartAsync();
        var budget = new MarketplaceOptions { DailyCallBudget = 1000 };
        var health = new BridgeHealth(h.Time);
        var watch = new CallBudgetWatch(h.Get<MarketplaceCallMeter>(), health, Options.Create(budget), NullLogger<CallBudgetWatch>.Instance);
        var poller = new Poller(h, Pace);

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
        var poller = new Poller(h, Pace);
        while (h.Time.GetUtcNow() < AliExpressHarness.Start.AddHours(3))
        {
            await poller.PollAsync();
            watch.Check();
            Assert.Null(health.MarketplaceWarning);
        }
    }

    private static int Calls(AliExpressHarness h) => h.Server.CallCount(Relations) + h.Server.CallCount(Details);

    /// <summary>The poller's loop without the database: fetch through the real client, pace, wait on the fake clock.</summary>
    private sealed class Poller(AliExpressHarness h, MarketplaceOptions options)
    {
        private readonly PollPace _pace = new(Options.Create(options), h.Time);
        private string? _cursor;

        public DateTimeOffset LastMessageAt { get; private set; }

        public async Task<TimeSpan> PollAsync()
        {
            var batch = await h.Client.FetchAsync(_cursor, CancellationToken.None);
            _cursor = batch.NextCursor;
            if (batch.Messages.Count > 0)
            {
                LastMessageAt = h.Time.GetUtcNow();
            }

            var wait = _pace.After(new MarketplacePoll(batch.HasMore, batch.Messages.Count));
            h.Time.Advance(wait);
            return wait;
        }
    }
}
