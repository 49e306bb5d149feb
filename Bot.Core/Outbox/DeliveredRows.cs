using Bot.Core.Retention;

namespace Bot.Core.Outbox;

/// <summary>Delivered outbox rows, kept <see cref="RetentionOptions.DoneDeliveries"/> for the record of what went out.</summary>
public sealed class DeliveredRows(IOutboxRepository outbox) : IRetentionTarget
{
    public string What => "delivered outbox rows";

    public TimeSpan KeepFor(RetentionOptions options) => options.DoneDeliveries;

    public Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        outbox.PruneAsync(OutboxStatus.Done, before, limit, cancellationToken);
}
