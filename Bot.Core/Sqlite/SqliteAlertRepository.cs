using Bot.Core.Operations.Alerts;
using Bot.Core.Storage;

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
        return await SelectAllStatement.QueryAsync(connection, null, r => new ActiveAlert(
            new Alert(r.GetString(0), r.GetString(1), r.GetString(2)),
            Statement.Time(r, 3),
            Statement.TimeOrNull(r, 4),
            Statement.TimeOrNull(r, 5)));
    }

    // Loaded at start: a statement, so that a start never loads Dapper.
    private static readonly Statement SelectAllStatement = new(SelectAll);

    // In the writer's turn, as every other write. Handed over as times, as every other time is, so that the pruning's
    // cutoff compares with them (as text on SQLite, where a time this repository formatted itself sorted after the
    // driver's on the same day).
    public Task SaveAsync(ActiveAlert alert, CancellationToken cancellationToken) =>
        UpsertStatement.ExecuteInTurnAsync(
            connections, cancellationToken, alert.Alert.Key, alert.Alert.Title, alert.Alert.Text, alert.Since, alert.LastSent, alert.ResolvedAt);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => Delete.ExecuteInTurnAsync(connections, cancellationToken, key);

    // Saved as alerts fire and clear, whatever else the bridge does: statements, not Dapper.
    private static readonly Statement UpsertStatement = new(Upsert, "@Key", "@Title", "@Text", "@Since", "@LastSent", "@ResolvedAt");

    private static readonly Statement Delete = new("DELETE FROM alerts WHERE key = @key", "@key");


    public Task<int> PruneResolvedAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        PruneResolved.ExecuteInTurnAsync(connections, cancellationToken, before, limit);

    // Retention runs it an hour apart, idle or not: a statement, so that idling never loads Dapper.
    private static readonly Statement PruneResolved = new(
        "DELETE FROM alerts WHERE key IN (SELECT key FROM alerts WHERE resolved_at IS NOT NULL AND resolved_at < @before LIMIT @limit)",
        "@before", "@limit");
}
