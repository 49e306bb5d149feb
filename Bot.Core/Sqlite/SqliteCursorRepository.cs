using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="ICursorRepository"/>.</summary>
internal sealed class SqliteCursorRepository(IDbConnectionFactory connections, TimeProvider time) : ICursorRepository
{
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>("SELECT value FROM cursors WHERE name = @name", new { name });
    }

    public async Task<(string? Value, DateTimeOffset UpdatedAt)?> GetWithTimeAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string? Value, string UpdatedAt)>(
            "SELECT value, updated_at FROM cursors WHERE name = @name", new { name })).AsList();
        return rows.Count == 0 ? null : (rows[0].Value, SqliteTypeHandlers.Parse(rows[0].UpdatedAt));
    }

    public async Task SetAsync(string name, string? value, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await SetAsync(session, name, value);
        await session.CommitAsync(cancellationToken);
    }

    public Task SetAsync(DbSession session, string name, string? value) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO cursors (name, value, updated_at) VALUES (@name, @value, @at)
            ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """,
            new { name, value, at = time.GetUtcNow() },
            session.Transaction);

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM cursors", cancellationToken: cancellationToken));
    }
}
