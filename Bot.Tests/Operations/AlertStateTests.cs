using Bot.Core.Chat;
using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;
using Bot.Core.Outbox;
using Bot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Bot.Tests.Storage;

namespace Bot.Tests.Operations;

/// <summary>Alerts are the bridge's own state: active while the operator chat cannot be told, kept across a restart,
/// and resolved with the duration from their original start.</summary>
public abstract class AlertStateTests(TestDatabase database) : IAsyncLifetime
{
    private const long OperatorChat = -1003000000003;
    private CoreHarness harness = null!;

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(database), configure: services => services.AddOperators());

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private BridgeHealth Health => harness.Get<BridgeHealth>();

    private List<string> Told => harness.Gateway.Texts.Where(t => t.ChatId == OperatorChat).Select(t => t.Html).ToList();

    [DbFact]
    public async Task Alert_WhileTheOperatorChatIsDown_IsActiveAtOnce_AndToldWhenItIsBack()
    {
        var monitor = NewMonitor();
        harness.Gateway.Outage = new ChatDeliveryException(ChatErrorKind.Transient, "Bad Gateway");
        Health.MarketplaceFailed("IllegalAccessToken: the access token is invalid or expired", needsOperator: true);

        await monitor.CheckAsync(CancellationToken.None);

        var alert = Assert.Single(monitor.Active);
        Assert.Equal(AlertRules.MarketplaceAuthorization, alert.Alert.Key);
        Assert.Null(alert.LastSent);
        Assert.Empty(Told);

        harness.Gateway.Outage = null;
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await monitor.CheckAsync(CancellationToken.None);

        Assert.Contains("Marketplace refuses the account", Assert.Single(Told));
        Assert.Equal(harness.Time.GetUtcNow() - TimeSpan.FromMinutes(1), Assert.Single(monitor.Active).Since);
    }

    [DbFact]
    public async Task Restart_KeepsTheAlertWithItsOriginalStart_AndDoesNotAnnounceItAgain()
    {
        var start = harness.Time.GetUtcNow();
        Health.MarketplaceFailed("IllegalAccessToken", needsOperator: true);
        await NewMonitor().CheckAsync(CancellationToken.None);
        Assert.Single(Told);

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var restarted = NewMonitor();
        await restarted.CheckAsync(CancellationToken.None);

        Assert.Equal(start, Assert.Single(restarted.Active).Since);
        Assert.Single(Told);

        Health.MarketplaceSucceeded();
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await restarted.CheckAsync(CancellationToken.None);

        Assert.Empty(restarted.Active);
        Assert.Contains("Resolved: Marketplace refuses the account</b> (lasted 15 min)", Told[^1], StringComparison.Ordinal);
    }

    [DbFact]
    public async Task Resolved_WhileTelegramIsDown_IsToldLater_WithTheDurationFromTheOriginalStartToTheFix()
    {
        var monitor = NewMonitor();
        harness.Gateway.Outage = new ChatDeliveryException(ChatErrorKind.Transient, "Bad Gateway");
        Health.MarketplaceFailed("IllegalAccessToken", needsOperator: true);
        await monitor.CheckAsync(CancellationToken.None);

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        Health.MarketplaceSucceeded();
        await monitor.CheckAsync(CancellationToken.None);
        Assert.Empty(monitor.Active);

        harness.Time.Advance(TimeSpan.FromMinutes(30));
        harness.Gateway.Outage = null;
        await NewMonitor().CheckAsync(CancellationToken.None);

        Assert.Contains("Resolved: Marketplace refuses the account</b> (lasted 10 min)", Assert.Single(Told), StringComparison.Ordinal);
    }

    private AlertMonitor NewMonitor()
    {
        var status = new StatusReader(Health, harness.Get<IOutboxRepository>(), harness.Get<RelayMetrics>(), harness.Time);
        return new AlertMonitor(
            status,
            harness.Get<IOutboxRepository>(),
            harness.Get<IAlertRepository>(),
            harness.Gateway,
            Options.Create(new OperatorOptions { OperatorChatId = OperatorChat }),
            Options.Create(new OperationsOptions()),
            harness.Time,
            NullLogger<AlertMonitor>.Instance);
    }

    public sealed class OnSqlite() : AlertStateTests(TestDatabase.Sqlite);

    [Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
    public sealed class OnPostgres() : AlertStateTests(TestDatabase.Postgres), IPostgresVariant;
}
