using Bot.Core.Outbox;
using Bot.Core.Routing;
using Bot.Core.Telemetry;
using Bot.Tests.Harness;

namespace Bot.Tests.MarketplaceRelay;

/// <summary>"Duplicates dropped" counts only what should not have come twice; the marketplace poll's planned
/// re-reads have their own counter.</summary>
public sealed class DuplicateCountingTests : IAsyncLifetime
{
    private CoreHarness harness = null!;

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private RelayMetrics Metrics => harness.Get<RelayMetrics>();

    [Fact]
    public async Task MarketplaceMessageReadAgain_IsCountedAsAReread_NotAsADuplicate()
    {
        var id = harness.Marketplace.AddBuyerMessage("8101", "Hello");
        await harness.RunAsync();
        harness.Marketplace.Replay(id);

        await harness.RunAsync();

        Assert.Equal(1, Metrics.TotalMarketplaceRereads);
        Assert.Equal(0, Metrics.TotalDuplicatesDropped);
    }

    [Fact]
    public async Task SameStaffUpdateTwice_IsCountedAsOneDuplicate()
    {
        var topic = await harness.OpenTopicAsync("8102", "Is it in stock?");
        var reply = StaffMessages.Reply(topic, 702, "Once only");

        await harness.Get<IChatUpdateHandler>().HandleMessageAsync(reply, CancellationToken.None);
        await harness.Get<IChatUpdateHandler>().HandleMessageAsync(reply, CancellationToken.None);

        Assert.Equal(1, Metrics.TotalDuplicatesDropped);
        Assert.Equal(0, Metrics.TotalMarketplaceRereads);
    }

    [Fact]
    public void EveryOutboxKind_IsAKnownLabelValue_OfTheDeliveryCounters()
    {
        var constants = typeof(OutboxKinds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order();

        Assert.Equal(constants, OutboxKinds.All.Order());
        var deliveries = Metrics.Counters.Definitions.Single(d => d.Name == "bridge.deliveries");
        Assert.Equal(OutboxKinds.All, deliveries.Labels.Single().KnownValues);
    }

    [Fact]
    public void FailureCounter_DeclaresEveryKindAndReasonCombination()
    {
        var failures = Metrics.Counters.Definitions.Single(d => d.Name == "bridge.delivery.failures");

        var series = failures.KnownSeries().Select(v => string.Join('/', v)).ToList();

        Assert.Equal(OutboxKinds.All.Count * Enum.GetValues<FailureKind>().Length, series.Count);
        Assert.Contains("marketplace_send/rate_limited", series);
        Assert.Equal("rate_limited", LabelValues.SnakeCase(nameof(FailureKind.RateLimited)));
    }
}
