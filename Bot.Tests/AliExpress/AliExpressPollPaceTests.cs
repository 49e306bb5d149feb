using Bot.Marketplace;
using Xunit.Abstractions;

namespace Bot.Tests.AliExpress;

/// <summary>The poller's pace, against the fake gateway through the real client on a fake clock.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressPollPaceTests(ITestOutputHelper output)
{
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    private const string Details = "aliexpress.message.redefining.versiontwo.querymsgdetaillist";

    internal static readonly MarketplaceOptions Pace = new()
    {
        PollInterval = TimeSpan.FromSeconds(15),
        IdlePollInterval = TimeSpan.FromMinutes(2),
        ActiveFor = TimeSpan.FromMinutes(5),
    };

    [Fact]
    public async Task PollInterval_GrowsWhileIdle_AndShrinksWhenABuyerWrites()
    {
        await using var h = await AliExpressHarness.StartAsync();
        var poller = new PacedPoller(h, Pace);
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
        var poller = new PacedPoller(h, Pace);
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

    private static int Calls(AliExpressHarness h) => h.Server.CallCount(Relations) + h.Server.CallCount(Details);
}
