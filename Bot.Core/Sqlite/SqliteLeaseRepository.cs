using Bot.Core.Leases;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>The <see cref="ILeaseRepository"/> (SQLite's SQL, rewritten for PostgreSQL, where it is used).</summary>
internal sealed class SqliteLeaseRepository(IDbConnectionFactory connections) : ILeaseRepository
{
    // ON CONFLICT ... DO UPDATE ... WHERE: a row locked and its condition checked again by the database, so of two
    // instances that race for an expired lease exactly one changes a row.
    private const string Take = """
        INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @expires)
        ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
        WHERE leases.holder = excluded.holder OR leases.expires_at <= @now
        """;

    private const string Release = "DELETE FROM leases WHERE name = @name AND holder = @holder";

    private const string List = "SELECT name, holder, expires_at FROM leases ORDER BY name";

    private const string Prune = "DELETE FROM leases WHERE expires_at < @before";

    public async Task<bool> TryTakeAsync(string name, string holder, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(Take, new { name, holder, now, expires }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Release, new { name, holder }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<LeaseRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, string Holder, string ExpiresAt)>(new CommandDefinition(List, cancellationToken: cancellationToken));
        return rows.Select(r => new LeaseRecord(r.Name, r.Holder, SqliteTypeHandlers.Parse(r.ExpiresAt))).ToList();
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Prune, new { before }, cancellationToken: cancellationToken));
    }
}
