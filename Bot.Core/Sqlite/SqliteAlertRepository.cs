using Bot.Core.Operations.Alerts;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IAlertRepository"/>.</summary>
internal sealed class SqliteAlertRepository(IDbConnectionFactory connections) : IAlertRepository
{
    private const string SelectAll = "SELECT key, title, text, since, last_sent AS LastSent, resolved_at AS ResolvedAt FROM alerts";

    private const string Upsert = """
        INSERT INTO alerts (key, title, text, since, last_sent, resolved_at)
        VALUES (@Key, @Title, @Text, @Since, @LastSent, @ResolvedAt)
        ON CONFLICT (key) DO UPDATE SET title = excluded.title, text = excluded.text, since = excluded.since,
            last_sent = excluded.last_sent, resolved_at = excluded.resolved_at
        """;

    public async Task<IReadOnlyList<ActiveAlert>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(SelectAll, cancellationToken: cancellationToken));
        return rows.Select(r => new ActiveAlert(
            new Alert(r.Key, r.Title, r.Text),
            SqliteTypeHandlers.Parse(r.Since),
            r.LastSent is null ? null : SqliteTypeHandlers.Parse(r.LastSent),
            r.ResolvedAt is null ? null : SqliteTypeHandlers.Parse(r.ResolvedAt))).ToList();
    }

    public async Task SaveAsync(ActiveAlert alert, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Upsert, new
        {
            alert.Alert.Key,
            alert.Alert.Title,
            alert.Alert.Text,
            Since = SqliteTypeHandlers.Format(alert.Since),
            LastSent = alert.LastSent is { } sent ? SqliteTypeHandlers.Format(sent) : null,
            ResolvedAt = alert.ResolvedAt is { } resolved ? SqliteTypeHandlers.Format(resolved) : null,
        }, cancellationToken: cancellationToken));
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM alerts WHERE key = @key", new { key }, cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public string Key { get; set; } = "";

        public string Title { get; set; } = "";

        public string Text { get; set; } = "";

        public string Since { get; set; } = "";

        public string? LastSent { get; set; }

        public string? ResolvedAt { get; set; }
    }

    public async Task<int> PruneResolvedAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "DELETE FROM alerts WHERE key IN (SELECT key FROM alerts WHERE resolved_at IS NOT NULL AND resolved_at < @before LIMIT @limit)",
            new { before, limit });
    }
}
