using System.Globalization;
using Bot.Core.Leases;
using Bot.Core.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace Bot.Core.Sqlite;

/// <summary>The <see cref="ILeaseRepository"/> on either database. Every time is the database's clock, read inside the
/// statement and written in the stored times' form (ISO 8601, UTC, seven decimals, so text order is time order): on
/// PostgreSQL the server's <c>now()</c>, the same for every instance however their own clocks run; on SQLite (one
/// machine) the machine's clock.</summary>
internal sealed class SqliteLeaseRepository(IDbConnectionFactory connections, IOptions<StorageOptions> storage) : ILeaseRepository
{
    // ON CONFLICT ... DO UPDATE ... WHERE: a row locked and its condition checked again by the database, so of two
    // instances that race for an expired lease exactly one changes a row.
    private const string Take = """
        INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, {expires})
        ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
        WHERE leases.holder = excluded.holder OR leases.expires_at <= {now}
        """;

    private const string Release = "DELETE FROM leases WHERE name = @name AND holder = @holder";

    private const string List = "SELECT name, holder, expires_at FROM leases ORDER BY name";

    private const string ListLive = "SELECT name, holder, expires_at FROM leases WHERE expires_at > {now} ORDER BY name";

    private const string CountLive = "SELECT COUNT(*) FROM leases WHERE name >= @from AND name < @to AND expires_at > {now}";

    private const string Prune = "DELETE FROM leases WHERE expires_at < {shifted}";

    // Now, and now shifted by @shift (SQLite: a modifier such as '+15.000 seconds'; PostgreSQL: seconds). SQLite keeps
    // milliseconds, PostgreSQL microseconds: the digits are padded to the seven the bridge writes.
    private const string SqliteNow = "(strftime('%Y-%m-%dT%H:%M:%f', 'now') || '0000Z')";
    private const string SqliteShifted = "(strftime('%Y-%m-%dT%H:%M:%f', 'now', @shift) || '0000Z')";
    private const string PostgresNow = """(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"0Z"'))""";
    private const string PostgresShifted = """(to_char((now() + make_interval(secs => @shift)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"0Z"'))""";

    private readonly bool postgres = storage.Value.UsesPostgres;
    private readonly string listLive = Clocked(ListLive, storage.Value.UsesPostgres);

    // Taken, released and counted with the chats' claims and every renewal: statements, not Dapper.
    private readonly Statement take = new(Clocked(Take, storage.Value.UsesPostgres, "expires"), "@name", "@holder", "@shift");
    private readonly Statement release = new(Release, "@name", "@holder");
    private readonly Statement countLive = new(Clocked(CountLive, storage.Value.UsesPostgres), "@from", "@to");
    private readonly Statement prune = new(Clocked(Prune, storage.Value.UsesPostgres), "@shift");

    public async Task<bool> TryTakeAsync(string name, string holder, TimeSpan leaseTime, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await take.ExecuteAsync(connection, cancellationToken, name, holder, Shift(leaseTime)) == 1;
    }

    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await release.ExecuteAsync(connection, cancellationToken, name, holder);
    }

    public Task<IReadOnlyList<LeaseRecord>> ListAsync(CancellationToken cancellationToken) => ReadAsync(List, cancellationToken);

    public Task<IReadOnlyList<LeaseRecord>> ListLiveAsync(CancellationToken cancellationToken) => ReadAsync(listLive, cancellationToken);

    public async Task<int> CountLiveAsync(string prefix, CancellationToken cancellationToken)
    {
        // A range of the primary key: every name that starts with the prefix (its last character one higher ends it).
        var to = prefix[..^1] + (char)(prefix[^1] + 1);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (int)(await countLive.QueryAsync(connection, r => r.GetInt64(0), cancellationToken, prefix, to))[0];
    }

    public async Task<int> PruneAsync(TimeSpan endedAgo, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await prune.ExecuteAsync(connection, cancellationToken, Shift(-endedAgo));
    }

    private async Task<IReadOnlyList<LeaseRecord>> ReadAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, string Holder, string ExpiresAt)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.Select(r => new LeaseRecord(r.Name, r.Holder, SqliteTypeHandlers.Parse(r.ExpiresAt))).ToList();
    }

    /// <summary>The statement with the database's clock in place of <c>{now}</c> and of the shifted time named
    /// <paramref name="shifted"/>.</summary>
    private static string Clocked(string sql, bool postgres, string shifted = "shifted") => sql
        .Replace("{now}", postgres ? PostgresNow : SqliteNow, StringComparison.Ordinal)
        .Replace("{" + shifted + "}", postgres ? PostgresShifted : SqliteShifted, StringComparison.Ordinal);

    private object Shift(TimeSpan by) => postgres
        ? by.TotalSeconds
        : by.TotalSeconds.ToString("+0.000;-0.000", CultureInfo.InvariantCulture) + " seconds";
}
