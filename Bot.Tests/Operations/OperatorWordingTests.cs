using Bot.Core.Formatting;
using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;
using Bot.Core.Outbox;

namespace Bot.Tests.Operations;

/// <summary>Operator texts write counts in proper singular and plural, and every duration the same way.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class OperatorWordingTests
{
    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(-5, "0 s")]
    [InlineData(45, "45 s")]
    [InlineData(60, "1 min")]
    [InlineData(200, "3 min 20 s")]
    [InlineData(3600, "1 h")]
    [InlineData(7500, "2 h 5 min")]
    [InlineData(86400, "1 d")]
    [InlineData(273600, "3 d 4 h")]
    public void Durations_AreWrittenWithAtMostTwoUnits_LargestFirst(int seconds, string expected) =>
        Assert.Equal(expected, Durations.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Durations_BelowOneSecond_AreNotRoundedToZero() =>
        Assert.Equal("0.2 s", Durations.Format(TimeSpan.FromMilliseconds(200)));

    [Fact]
    public void Alerts_WriteDurationsInTheSharedFormat()
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        var ok = new PartState(true, now, null, null, false, null);
        var stuck = new BridgeSnapshot(now, ok, ok, ok, false, new OutboxStats(3, 0, TimeSpan.FromSeconds(7500)), TimeSpan.Zero, 0, 0, 0, 0);

        var alert = Assert.Single(AlertRules.Evaluate(stuck, null, new OperationsOptions()));

        Assert.Contains($"waited {Durations.Format(TimeSpan.FromSeconds(7500))}.", alert.Text, StringComparison.Ordinal);
        Assert.Contains("waited 2 h 5 min.", alert.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "1 delivery")]
    [InlineData(0, "0 deliveries")]
    [InlineData(3, "3 deliveries")]
    public void Counts_TakeTheirNounInTheRightNumber(int count, string expected) =>
        Assert.Equal(expected, Plural.Of(count, "delivery", "deliveries"));

    [Fact]
    public void Alerts_ForOneDelivery_SayDeliveryInTheSingular_AndWaitInTheSharedFormat()
    {
        var at = DateTimeOffset.Parse("2026-01-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        PartState ok = new(true, at.AddSeconds(-5), null, null, false, null);
        var snapshot = new BridgeSnapshot(at, ok, ok, ok, false, new OutboxStats(1, 1, TimeSpan.FromSeconds(7500)), TimeSpan.FromSeconds(5), 0, 0, 0, 0);

        var alerts = AlertRules.Evaluate(snapshot, new OutboxItem { Id = 7, Kind = OutboxKinds.MarketplaceSend, LastError = "closed" }, new OperationsOptions());

        Assert.StartsWith("1 delivery given up", alerts.Single(a => a.Key == AlertRules.DeadLetters).Text, StringComparison.Ordinal);
        Assert.StartsWith("1 delivery pending; the oldest has waited 2 h 5 min.", alerts.Single(a => a.Key == AlertRules.StuckDeliveries).Text, StringComparison.Ordinal);
    }
}
