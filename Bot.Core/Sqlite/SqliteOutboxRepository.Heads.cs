using Bot.Core.Outbox;
using Bot.Core.Storage;

namespace Bot.Core.Sqlite;

/// <summary>Each lane's head (its first pending item) and when it is due, kept in <c>outbox_heads</c> by every write that
/// changes them, in the same transaction: finding what is due reads the due heads alone, however many items wait.</summary>
internal sealed partial class SqliteOutboxRepository
{
    /// <summary>A new item is its lane's head when the lane had none (a later item never goes before an earlier one).</summary>
    private const string AddHead = """
        INSERT INTO outbox_heads (lane, outbox_id, next_attempt_at) VALUES (@lane, @id, @due) ON CONFLICT (lane) DO NOTHING
        """;

    /// <summary>After item <c>@id</c> left the pending items: its lane's head is the lane's first pending item, if any.</summary>
    internal const string NextHead = """
        DELETE FROM outbox_heads WHERE lane = (SELECT lane FROM outbox WHERE id = @id);
        INSERT INTO outbox_heads (lane, outbox_id, next_attempt_at)
        SELECT lane, id, next_attempt_at FROM outbox
        WHERE status = 'pending' AND lane = (SELECT lane FROM outbox WHERE id = @id)
        ORDER BY id LIMIT 1
        """;

    /// <summary>After the items listed in <c>{0}</c> left the pending items: each of their lanes' head is found again.</summary>
    private const string NextHeads = """
        DELETE FROM outbox_heads WHERE lane IN (SELECT lane FROM outbox WHERE id IN ({0}));
        INSERT INTO outbox_heads (lane, outbox_id, next_attempt_at)
        SELECT lane, id, next_attempt_at FROM outbox
        WHERE id IN (SELECT MIN(id) FROM outbox WHERE status = 'pending' AND lane IN (SELECT lane FROM outbox WHERE id IN ({0})) GROUP BY lane)
        """;

    /// <summary>Several items done at once (a merged delivery), with their lanes' next heads.</summary>
    internal static readonly IdList CompleteMany =
        new($"UPDATE outbox SET status = 'done', updated_at = @now, last_error = NULL WHERE id IN ({{0}}); {NextHeads}", "@now");

    internal const string RebuildHeads = """
        DELETE FROM outbox_heads;
        INSERT INTO outbox_heads (lane, outbox_id, next_attempt_at)
        SELECT lane, id, next_attempt_at FROM outbox WHERE id IN (SELECT MIN(id) FROM outbox WHERE status = 'pending' GROUP BY lane)
        """;

    public Task CompleteAsync(DbSession session, IReadOnlyList<long> ids)
    {
        if (ids.Count == 1)
        {
            return CompleteAsync(session, ids[0]);
        }

        var (statement, values) = CompleteMany.For(ids, time.GetUtcNow());
        return statement.ExecuteAsync(session, values);
    }

    private static readonly Statement DueHeads = new(
        $"""
        SELECT {Columns} FROM outbox
        WHERE id IN (SELECT outbox_id FROM outbox_heads WHERE next_attempt_at <= @now)
        ORDER BY id
        LIMIT @limit
        """,
        "@now", "@limit");

    public async Task<IReadOnlyList<OutboxItem>> GetDueHeadsAsync(int limit, CancellationToken cancellationToken)
    {
        // Driven by the due heads (a range of ix_outbox_heads_due, then a primary-key seek each); a condition on the
        // outbox's own status would lead SQLite to scan every pending row instead, so that is checked here.
        await using var connection = await connections.OpenAsync(cancellationToken);
        var now = time.GetUtcNow();
        var rows = await DueHeads.QueryAsync(connection, null, ReadItem, now, limit);
        return rows.Where(r => r.Status == OutboxStatus.Pending && r.NextAttemptAt <= now).ToList();
    }

    // Asked by the idle outbox worker: a statement, so that idling never loads Dapper.
    private static readonly Statement NextDue = new("SELECT MIN(next_attempt_at) FROM outbox_heads");

    public async Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await NextDue.QueryAsync(connection, null, r => Statement.TimeOrNull(r, 0)))[0];
    }
}
