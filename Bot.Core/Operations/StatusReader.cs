using Bot.Core.Outbox;
using Bot.Core.Relay;

namespace Bot.Core.Operations;

/// <summary>Takes a <see cref="BridgeSnapshot"/>: the parts' health, the outbox and the relay's totals.</summary>
public sealed class StatusReader(BridgeHealth health, OutboxStore outbox, RelayMetrics metrics, TimeProvider time)
{
    private readonly DateTimeOffset startedAt = time.GetUtcNow();

    public async Task<BridgeSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var stats = await outbox.GetStatsAsync(cancellationToken);
        var now = time.GetUtcNow();
        var marketplace = health.Marketplace;
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
            metrics.TotalRateLimited);
    }
}
