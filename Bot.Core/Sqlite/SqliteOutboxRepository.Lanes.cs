using Bot.Core.Outbox;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>Reading ahead in one lane, for deliveries that carry several items at once.</summary>
internal sealed partial class SqliteOutboxRepository
{
    internal static readonly Statement DueInLane = new($"SELECT {Columns} FROM outbox WHERE status = 'pending' AND lane = @lane ORDER BY id LIMIT @limit", "@lane", "@limit");

    public async Task<IReadOnlyList<OutboxItem>> GetDueInLaneAsync(string lane, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await DueInLane.QueryAsync(connection, null, ReadItem, lane, limit);
        var now = time.GetUtcNow();
        return rows.TakeWhile(r => r.NextAttemptAt <= now).ToList();
    }

    public Task<long?> GetPendingChatInLaneAsync(DbSession session, string lane) =>
        session.Connection.ExecuteScalarAsync<long?>(
            "SELECT chat_id FROM outbox WHERE status = 'pending' AND lane = @lane ORDER BY id LIMIT 1", new { lane }, session.Transaction);

    public async Task<IReadOnlyDictionary<long, long>> CountPendingByChatAsync(DbSession session, IReadOnlyList<long> chatIds) =>
        (await session.Connection.QueryAsync<(long ChatId, long Count)>(
            "SELECT chat_id, COUNT(*) FROM outbox WHERE status = 'pending' AND chat_id IN @chatIds GROUP BY chat_id", new { chatIds }, session.Transaction))
            .ToDictionary(r => r.ChatId, r => r.Count);
}
