using Bot.Core.Storage;

namespace Bot.Core.Outbox;

/// <summary>The durable queue of deliveries. Enqueue inside the transaction that stores the cause, so that nothing is
/// sent for a message that was not committed and nothing committed is left unsent.</summary>
public interface IOutboxRepository
{
    Task<long> EnqueueAsync(DbSession session, OutboxEntry entry, DateTimeOffset? notBefore = null);

    /// <summary>The first pending item of each lane, when it is due: later items of a lane wait for their predecessor.</summary>
    Task<IReadOnlyList<OutboxItem>> GetDueHeadsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The lane's first pending item when it is due (an index seek on (status, lane, id)).</summary>
    Task<OutboxItem?> GetNextDueInLaneAsync(string lane, CancellationToken cancellationToken);

    /// <summary>The lane's first pending items in order (its head first), at most <paramref name="limit"/>, stopping before
    /// the first one that is not due yet.</summary>
    Task<IReadOnlyList<OutboxItem>> GetDueInLaneAsync(string lane, int limit, CancellationToken cancellationToken);

    /// <summary>The chat of a pending item of the lane (its head's), or null when the lane has none.</summary>
    Task<long?> GetPendingChatInLaneAsync(DbSession session, string lane);

    /// <summary>How many deliveries wait for each of the chats (chats with none are left out).</summary>
    Task<IReadOnlyDictionary<long, long>> CountPendingByChatAsync(DbSession session, IReadOnlyList<long> chatIds);

    /// <summary>Enqueues unless the same kind of item is already pending in the lane (e.g. one mark-read covers a burst).</summary>
    Task EnqueueOnceAsync(DbSession session, OutboxEntry entry);

    /// <summary>When the earliest pending head becomes due, or null when nothing is pending.</summary>
    Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken);

    Task CompleteAsync(DbSession session, long id);

    /// <summary>Completes several items in one write (the items one send carried): their lanes' heads move once.</summary>
    Task CompleteAsync(DbSession session, IReadOnlyList<long> ids);

    /// <param name="failingSince">When the current run of failures began (kept across reschedules; null: not failing).</param>
    Task RescheduleAsync(long id, int attempts, DateTimeOffset due, string error, DateTimeOffset? failingSince, CancellationToken cancellationToken);

    /// <summary>Gives the delivery up: a dead letter, reported to operators, until one retries it.</summary>
    Task DeadLetterAsync(DbSession session, long id, int attempts, string error);

    /// <summary>A group upgraded to a supergroup got a new id: its pending deliveries follow it.</summary>
    Task MigrateChatAsync(DbSession session, long oldChatId, long newChatId);

    /// <summary>Puts a dead letter back in its lane, due now, with a fresh attempt budget and retry window.</summary>
    Task<bool> RetryDeadAsync(long id, CancellationToken cancellationToken);

    /// <summary>Puts every dead letter (of one conversation, when given) back in its lane, like <see cref="RetryDeadAsync"/>.</summary>
    /// <returns>How many were requeued.</returns>
    Task<int> RetryAllDeadAsync(long? conversationId, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="limit"/> settled deliveries (done or dead) that settled before
    /// <paramref name="before"/>. Pending ones are never touched.</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PruneAsync(OutboxStatus status, DateTimeOffset before, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxItem>> ListAsync(OutboxStatus status, int limit, CancellationToken cancellationToken);

    Task<OutboxStats> GetStatsAsync(CancellationToken cancellationToken);
}
