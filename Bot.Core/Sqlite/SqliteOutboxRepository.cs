using Bot.Core.Outbox;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IOutboxRepository"/>.</summary>
internal sealed partial class SqliteOutboxRepository(IDbConnectionFactory connections, TimeProvider time, OutboxSignal signal) : IOutboxRepository
{
    private const string Columns = """
        id, kind, lane, conversation_id AS ConversationId, message_id AS MessageId, chat_id AS ChatId, payload, status, attempts,
        next_attempt_at AS NextAttemptAt, last_error AS LastError, created_at AS CreatedAt, failing_since AS FailingSince
        """;

    private static readonly Statement Enqueue = new(
        """
        INSERT INTO outbox (kind, lane, conversation_id, message_id, chat_id, payload, next_attempt_at, created_at, updated_at)
        VALUES (@Kind, @Lane, @ConversationId, @MessageId, @ChatId, @Payload, @due, @now, @now)
        RETURNING id
        """,
        "@Kind", "@Lane", "@ConversationId", "@MessageId", "@ChatId", "@Payload", "@due", "@now");

    private static readonly Statement EnqueueHead = new(AddHead, "@lane", "@id", "@due");

    public async Task<long> EnqueueAsync(DbSession session, OutboxEntry entry, DateTimeOffset? notBefore = null)
    {
        var now = time.GetUtcNow();
        var due = notBefore ?? now;
        var id = (await Enqueue.QueryAsync(session, r => r.GetInt64(0), entry.Kind, entry.Lane, entry.ConversationId, entry.MessageId, entry.ChatId, entry.Payload, due, now))[0];
        await EnqueueHead.ExecuteAsync(session, entry.Lane, id, due);
        // Wakes the dispatcher; harmless if the transaction is rolled back (it finds nothing new).
        signal.Notify();
        return id;
    }

    /// <summary>An item in the order of <see cref="Columns"/>.</summary>
    private static OutboxItem ReadItem(System.Data.Common.DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Kind = r.GetString(1),
        Lane = r.GetString(2),
        ConversationId = Statement.Int64OrNull(r, 3),
        MessageId = Statement.Int64OrNull(r, 4),
        ChatId = Statement.Int64OrNull(r, 5),
        Payload = Statement.StringOrNull(r, 6),
        Status = StoredEnum.Parse<OutboxStatus>(r.GetString(7)),
        Attempts = (int)r.GetInt64(8),
        NextAttemptAt = Statement.Time(r, 9),
        LastError = Statement.StringOrNull(r, 10),
        CreatedAt = Statement.Time(r, 11),
        FailingSince = Statement.TimeOrNull(r, 12),
    };

    public async Task<OutboxItem?> GetNextDueInLaneAsync(string lane, CancellationToken cancellationToken)
    {
        // The lane's first pending item, by the same prepared statement the lane's reads use.
        await using var connection = await connections.OpenAsync(cancellationToken);
        var next = (await DueInLane.QueryAsync(connection, null, ReadItem, lane, 1)).FirstOrDefault();
        return next is not null && next.NextAttemptAt <= time.GetUtcNow() ? next : null;
    }

    internal static readonly Statement PendingOfKind = new(
        "SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE status = 'pending' AND lane = @lane AND kind = @kind LIMIT 1) AS pending",
        "@lane", "@kind");

    public async Task EnqueueOnceAsync(DbSession session, OutboxEntry entry)
    {
        var pending = (await PendingOfKind.QueryAsync(session, r => r.GetInt64(0), entry.Lane, entry.Kind))[0];
        if (pending == 0)
        {
            await EnqueueAsync(session, entry);
        }
    }

    private static readonly Statement Complete = new($"UPDATE outbox SET status = 'done', updated_at = @now, last_error = NULL WHERE id = @id; {NextHead}", "@id", "@now");

    public Task CompleteAsync(DbSession session, long id) => Complete.ExecuteAsync(session, id, time.GetUtcNow());

    /// <summary>The item's next attempt, and its lane's head with it (found through the lane's key, not by scanning every head).</summary>
    internal const string Reschedule = """
        UPDATE outbox SET attempts = @attempts, next_attempt_at = @due, last_error = @error, failing_since = @failingSince, updated_at = @now
        WHERE id = @id AND status = 'pending';
        UPDATE outbox_heads SET next_attempt_at = @due WHERE lane = (SELECT lane FROM outbox WHERE id = @id) AND outbox_id = @id
        """;

    public async Task RescheduleAsync(long id, int attempts, DateTimeOffset due, string error, DateTimeOffset? failingSince, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await RescheduleStatement.ExecuteAsync(session, attempts, due, error, failingSince, time.GetUtcNow(), id);
        await session.CommitAsync(cancellationToken);
    }

    // Every retry (a 429 under load) and every dead letter: statements, not Dapper.
    private static readonly Statement RescheduleStatement = new(Reschedule, "@attempts", "@due", "@error", "@failingSince", "@now", "@id");

    private static readonly Statement DeadLetter = new(
        $"UPDATE outbox SET status = 'dead', attempts = @attempts, last_error = @error, updated_at = @now WHERE id = @id; {NextHead}",
        "@attempts", "@error", "@now", "@id");

    public Task DeadLetterAsync(DbSession session, long id, int attempts, string error) =>
        DeadLetter.ExecuteAsync(session, attempts, error, time.GetUtcNow(), id);

    public Task MigrateChatAsync(DbSession session, long oldChatId, long newChatId) =>
        session.Connection.ExecuteAsync(
            "UPDATE outbox SET chat_id = @newChatId WHERE chat_id = @oldChatId AND status = 'pending'",
            new { oldChatId, newChatId },
            session.Transaction);

    public async Task<bool> RetryDeadAsync(long id, CancellationToken cancellationToken) =>
        await RequeueDeadAsync("AND id = @id", id, cancellationToken) == 1;

    public Task<int> RetryAllDeadAsync(long? conversationId, CancellationToken cancellationToken) =>
        RequeueDeadAsync(conversationId is null ? "" : "AND conversation_id = @id", conversationId ?? 0, cancellationToken);

    private async Task<int> RequeueDeadAsync(string filter, long id, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var now = time.GetUtcNow();
        var changed = await session.Connection.ExecuteAsync(
            RequeueDead(filter),
            new { id, now },
            session.Transaction);
        if (changed > 0)
        {
            // A dead letter may come back ahead of its lane's head: every head is found again (an operator's rare step).
            await session.Connection.ExecuteAsync(RebuildHeads, transaction: session.Transaction);
        }

        await session.CommitAsync(cancellationToken);
        signal.Notify();
        return changed;
    }

    // Settled rows are found through the settled index only when the query says status <> 'pending' (migration 0025).
    internal static string RequeueDead(string filter) =>
        $"UPDATE outbox SET status = 'pending', attempts = 0, failing_since = NULL, next_attempt_at = @now, updated_at = @now WHERE status = 'dead' AND status <> 'pending' {filter}";

    public Task<int> PruneAsync(OutboxStatus status, DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        Prune.ExecuteInTurnAsync(connections, cancellationToken, StoredEnum.Name(status), before, limit);

    // Retention runs it an hour apart, idle or not: a statement, so that idling never loads Dapper.
    internal static readonly Statement Prune = new(
        "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE status = @status AND status <> 'pending' AND updated_at < @before LIMIT @limit)",
        "@status", "@before", "@limit");

    public async Task<IReadOnlyList<OutboxItem>> ListAsync(OutboxStatus status, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return status == OutboxStatus.Pending
            ? await ListPending.QueryAsync(connection, null, ReadItem, limit)
            : await ListSettled.QueryAsync(connection, null, ReadItem, StoredEnum.Name(status), limit);
    }

    // The alert monitor reads the latest dead letter on every check while there is one, idle or not.
    private static readonly Statement ListPending = new(List(OutboxStatus.Pending), "@limit");

    private static readonly Statement ListSettled = new(List(OutboxStatus.Dead), "@status", "@limit");

    /// <summary>Each status's rows through the index that holds them (migration 0025); +id keeps SQLite from reading the
    /// whole outbox backwards by id in search of the pending rows.</summary>
    internal static string List(OutboxStatus status) => status == OutboxStatus.Pending
        ? $"SELECT {Columns} FROM outbox WHERE status = 'pending' ORDER BY +id DESC LIMIT @limit"
        : $"SELECT {Columns} FROM outbox WHERE status = @status AND status <> 'pending' ORDER BY id DESC LIMIT @limit";

    public async Task<OutboxStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = (await Stats.QueryAsync(connection, null, r => (Pending: r.GetInt64(0), Dead: r.GetInt64(1), Oldest: Statement.TimeOrNull(r, 2))))[0];
        return new OutboxStats(row.Pending, row.Dead, row.Oldest is { } oldest ? time.GetUtcNow() - oldest : null);
    }

    // The status and the metrics read it while idle: a statement, so that idling never loads Dapper.
    internal static readonly Statement Stats = new(
        """
        SELECT (SELECT COUNT(*) FROM outbox WHERE status = 'pending'),
               (SELECT COUNT(*) FROM outbox WHERE status = 'dead' AND status <> 'pending'),
               (SELECT MIN(created_at) FROM outbox WHERE status = 'pending')
        """);
}
