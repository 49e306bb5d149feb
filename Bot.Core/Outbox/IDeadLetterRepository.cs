namespace Bot.Core.Outbox;

/// <summary>Reads the outbox's dead letters and how retried deliveries ended; the queue itself is <see cref="IOutboxRepository"/>.</summary>
public interface IDeadLetterRepository
{
    /// <summary>The latest dead letters, newest first.</summary>
    Task<IReadOnlyList<StoredDeadLetter>> LatestAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The ids of the dead letters (of one conversation, when given).</summary>
    Task<IReadOnlyList<long>> IdsAsync(long? conversationId, CancellationToken cancellationToken);

    /// <summary>The status and last error of those of <paramref name="ids"/> that are still stored.</summary>
    Task<IReadOnlyList<(long Id, OutboxStatus Status, string? LastError)>> StatusesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);
}
