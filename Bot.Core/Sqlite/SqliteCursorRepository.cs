using Bot.Core.Storage;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="ICursorRepository"/>.
/// The reads run at start, by every idle poll and by every readiness check, so they are <see cref="Statement"/>s, not Dapper.</summary>
internal sealed class SqliteCursorRepository(IDbConnectionFactory connections, TimeProvider time) : ICursorRepository
{
    private static readonly Statement Read = new("SELECT value, updated_at FROM cursors WHERE name = @name", "@name");
    private static readonly Statement Count = new("SELECT COUNT(*) FROM cursors");

    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken) =>
        (await GetWithTimeAsync(name, cancellationToken))?.Value;

    public async Task<(string? Value, DateTimeOffset UpdatedAt)?> GetWithTimeAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await Read.QueryAsync(connection, null, r => (Statement.StringOrNull(r, 0), Statement.Time(r, 1)), name);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task SetAsync(string name, string? value, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await SetAsync(session, name, value);
        await session.CommitAsync(cancellationToken);
    }

    // Written with every page the ingest stores.
    private static readonly Statement Write = new(
        """
        INSERT INTO cursors (name, value, updated_at) VALUES (@name, @value, @at)
        ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        """,
        "@name", "@value", "@at");

    public Task SetAsync(DbSession session, string name, string? value) => Write.ExecuteAsync(session, name, value, time.GetUtcNow());

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await Count.QueryAsync(connection, null, r => r.GetInt64(0)))[0];
    }
}
