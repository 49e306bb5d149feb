using Bot.Core.Retention;

namespace Bot.Core.Outbox;

/// <summary>Settled outbox rows of one status for the pruner: delivered rows, kept
/// <see cref="RetentionOptions.DoneDeliveries"/> for the record of what went out, and dead letters, kept
/// <see cref="RetentionOptions.DeadLetters"/> so operators can still read or retry them.</summary>
public sealed class SettledDeliveries(IOutboxRepository outbox, OutboxStatus status) : IRetentionTarget
{
    public string What => status == OutboxStatus.Dead ? "dead letters" : "delivered outbox rows";

    public TimeSpan KeepFor(RetentionOptions options) => status == OutboxStatus.Dead ? options.DeadLetters : options.DoneDeliveries;

    public Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        outbox.PruneAsync(status, before, limit, cancellationToken);
}
