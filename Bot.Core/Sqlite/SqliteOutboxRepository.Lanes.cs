using Bot.Core.Outbox;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>Reading ahead in one lane, for deliveries that carry several items at once.</summary>
internal sealed partial class SqliteOutboxRepository
{
    public async Task<IReadOnlyList<OutboxItem>> GetDueInLaneAsync(string lane, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxItem>(
            $"SELECT {Columns} FROM outbox WHERE status = 'pending' AND lane = @lane ORDER BY id LIMIT @limit",
            new { lane, limit });
        var now = time.GetUtcNow();
        return rows.TakeWhile(r => r.NextAttemptAt <= now).ToList();
    }
}
