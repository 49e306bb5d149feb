using Bot.Core.Logging;
using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;
using Bot.Core.Outbox;

namespace Bot.Tests.Operations;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AlertRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly OperationsOptions Options = new();

    [Fact]
    public void HealthyBridge_RaisesNothing()
    {
        Assert.Empty(AlertRules.Evaluate(Snapshot(), null, Options));
    }

    [Fact]
    public void PollingFailingBriefly_RaisesNothing_ButPastTheBound_RaisesOne()
    {
        var brief = Snapshot(marketplace: Failing(TimeSpan.FromMinutes(2)));
        var persistent = Snapshot(marketplace: Failing(TimeSpan.FromMinutes(11)));

        Assert.Empty(AlertRules.Evaluate(brief, null, Options));
        Assert.Equal(AlertRules.MarketplacePolling, Assert.Single(AlertRules.Evaluate(persistent, null, Options)).Key);
    }

    [Fact]
    public void AuthorizationError_RaisesTheOperatorAlert_NotThePollingOne_AndRedactsKeys()
    {
        var part = Failing(TimeSpan.FromHours(1)) with { NeedsOperator = true, LastError = "Invalid session for app_key=12345&sign=abc" };

        var alert = Assert.Single(AlertRules.Evaluate(Snapshot(marketplace: part), null, Options));

        Assert.Equal(AlertRules.MarketplaceAuthorization, alert.Key);
        Assert.Contains("app_key=***", alert.Text);
        Assert.DoesNotContain("12345", alert.Text);
    }

    [Fact]
    public void DeadLetters_NameTheLatest_AndPauseSilencesStuckDeliveries()
    {
        var latest = new OutboxItem { Id = 42, Kind = OutboxKinds.MarketplaceSend, LastError = "Order closed" };
        var snapshot = Snapshot(outbox: new OutboxStats(3, 1, TimeSpan.FromHours(2)));

        var alerts = AlertRules.Evaluate(snapshot, latest, Options);
        var paused = AlertRules.Evaluate(snapshot with { Paused = true }, latest, Options);

        Assert.Equal([AlertRules.DeadLetters, AlertRules.StuckDeliveries], alerts.Select(a => a.Key).ToArray());
        Assert.Contains("#42", alerts[0].Text);
        Assert.Equal([AlertRules.DeadLetters], paused.Select(a => a.Key).ToArray());
    }

    [Theory]
    [InlineData("GET https://api.telegram.org/bot123456789:AAHfake-token_value/getMe failed", "123456789:AAHfake")]
    [InlineData("refused: access_token=XYZ123 expired", "XYZ123")]
    public void Secrets_AreMasked(string text, string secret)
    {
        Assert.DoesNotContain(secret, Secrets.Redact(text), StringComparison.Ordinal);
    }

    private static PartState Ok() => new(true, Now.AddSeconds(-5), null, null, false, null);

    private static PartState Failing(TimeSpan since) => new(false, Now - since, "502 Bad Gateway", Now, false, Now - since);

    private static BridgeSnapshot Snapshot(PartState? marketplace = null, OutboxStats? outbox = null) =>
        new(Now, Ok(), marketplace ?? Ok(), Ok(), false, outbox ?? new OutboxStats(0, 0, null), TimeSpan.FromSeconds(5), 0, 0, 0, 0);
}
