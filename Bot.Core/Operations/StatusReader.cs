using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Core.Routing.Parking;

namespace Bot.Core.Operations;

/// <summary>Takes a <see cref="BridgeSnapshot"/>: the parts' health, the outbox, the relay's totals and the Telegram
/// updates given up on lately.</summary>
public sealed class StatusReader(
    BridgeHealth health, IOutboxRepository outbox, RelayMetrics metrics, TimeProvider time, IParkedUpdateRepository? parkedUpdates = null,
    IMarketplaceClient? marketplaceClient = null)
{
    private readonly DateTimeOffset startedAt = time.GetUtcNow();

    public async Task<BridgeSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var stats = await outbox.GetStatsAsync(cancellationToken);
        var now = time.GetUtcNow();
        var marketplace = health.Marketplace;
        var givenUp = parkedUpdates is null ? 0 : await parkedUpdates.CountGivenUpSinceAsync(now - TimeSpan.FromDays(1), cancellationToken);
        return new BridgeSnapshot(
            now,
            health.Telegram,
            marketplace,
            health.StaffChat,
            health.Paused,
            stats,
            now - (marketplace.LastSuccess ?? startedAt),
            metrics.TotalDelivered,
            metrics.TotalFailures,
            metrics.TotalDeadLetters,
            metrics.TotalRateLimited,
            givenUp,
            marketplaceClient?.Notice,
            health.MarketplaceWarning,
            health.MarketplaceAuthorizationNotice);
    }
}
