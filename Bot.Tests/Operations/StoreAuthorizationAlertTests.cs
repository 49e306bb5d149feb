using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;
using Bot.Core.Outbox;

namespace Bot.Tests.Operations;

/// <summary>One cause, one alert: a store that is not connected yet is refused by the marketplace for exactly that
/// reason.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class StoreAuthorizationAlertTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly PartState Refused = new(false, null, "The bridge is not connected to an AliExpress store yet", Now, NeedsOperator: true, Now.AddHours(-1));

    private static IReadOnlyList<Alert> Alerts(AuthorizationNotice? notice) => AlertRules.Evaluate(
        new BridgeSnapshot(Now, PartState.Unknown, Refused, PartState.Unknown, false, new OutboxStats(0, 0, null), TimeSpan.FromHours(1), 0, 0, 0, 0,
            MarketplaceAuthorizationNotice: notice),
        null, new OperationsOptions());

    [Fact]
    public void StoreNotConnectedYet_IsOneAlert_WithTheLink_NotASecondAboutTheRefusal()
    {
        var alerts = Alerts(new AuthorizationNotice("not-connected", "Send /connect or open https://example.test/authorize."));

        var alert = Assert.Single(alerts, a => a.Key.StartsWith("marketplace", StringComparison.Ordinal));
        Assert.Equal("marketplace-connection:not-connected", alert.Key);
    }

    [Fact]
    public void AuthorizationThatEnded_KeepsTheRefusalAlert_BesideTheOneWithTheLink()
    {
        var alerts = Alerts(new AuthorizationNotice("ended", "The store's authorization ended: open https://example.test/authorize."));

        Assert.Contains(alerts, a => a.Key == AlertRules.MarketplaceAuthorization);
        Assert.Contains(alerts, a => a.Key == "marketplace-connection:ended");
    }

    [Fact]
    public void RefusalForAnotherReason_WhileTheAuthorizationOnlyEndsSoon_IsTwoAlerts()
    {
        var alerts = Alerts(new AuthorizationNotice("ending", "The store's authorization ends in 3 days."));

        Assert.Contains(alerts, a => a.Key == AlertRules.MarketplaceAuthorization);
        Assert.Contains(alerts, a => a.Key == "marketplace-connection:ending");
    }
}
