using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;
using Bot.Core.Outbox;
using Bot.Core.Routing.Parking;
using Bot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Operations;

/// <summary>A Telegram update the bridge gave up on is never silent: it raises an alert naming /updates for a day
/// after it was given up on (operators retry it there; it clears by itself after that day).</summary>
public sealed class GivenUpUpdatesAlertTests : IAsyncLifetime
{
    private CoreHarness harness = null!;

    private IParkedUpdateRepository Parked => harness.Get<IParkedUpdateRepository>();

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(configure: services => services.AddSingleton<BridgeHealth>());

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task UpdateGivenUp_RaisesAnAlertNamingUpdates_ThatClearsADayLater()
    {
        var reader = new StatusReader(harness.Get<BridgeHealth>(), harness.Get<IOutboxRepository>(), harness.Get<RelayMetrics>(), harness.Time, Parked);
        Assert.DoesNotContain(await AlertsAsync(reader), a => a.Key == AlertRules.GivenUpUpdates);

        await Parked.ParkDeadAsync(7, """{"update_id":7}""", "Undecodable: JsonException", CancellationToken.None);
        var alert = Assert.Single(await AlertsAsync(reader), a => a.Key == AlertRules.GivenUpUpdates);
        Assert.Contains("1 Telegram update could not be handled", alert.Text, StringComparison.Ordinal);
        Assert.Contains("/updates", alert.Text, StringComparison.Ordinal);

        harness.Time.Advance(TimeSpan.FromHours(25));
        Assert.DoesNotContain(await AlertsAsync(reader), a => a.Key == AlertRules.GivenUpUpdates);
    }

    private static async Task<IReadOnlyList<Alert>> AlertsAsync(StatusReader reader) =>
        AlertRules.Evaluate(await reader.ReadAsync(CancellationToken.None), null, new OperationsOptions());
}
