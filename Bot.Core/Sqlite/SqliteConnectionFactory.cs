using System.Data.Common;
using Bot.Core.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Bot.Core.Sqlite;

/// <summary>Opens pooled SQLite connections in WAL mode.</summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN: the database, not the item.
    private static readonly int[] Outages = [5, 6, 8, 10, 13, 14];

    private readonly string connectionString;
    private readonly int busyTimeoutMs;

    public SqliteConnectionFactory(IOptions<StorageOptions> options)
    {
        SqliteTypeHandlers.Register();
        var builder = new SqliteConnectionStringBuilder(options.Value.ConnectionString)
        {
            // Pooling keeps the per-message cost low; WAL and the pragmas below are per connection.
            Pooling = true,
        };
        connectionString = builder.ToString();
        busyTimeoutMs = (int)options.Value.BusyTimeout.TotalMilliseconds;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // WAL lets readers and the single writer work at once; synchronous=NORMAL is durable against
            // process crashes (a committed transaction survives SIGKILL), only an OS crash can lose the last commits.
            await connection.ExecuteAsync($"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={busyTimeoutMs};");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public DbTransaction BeginTransaction(DbConnection connection, bool write) =>
        // BEGIN IMMEDIATE takes the write lock up front, so two writers wait on busy_timeout instead of failing with
        // SQLITE_BUSY when a read transaction tries to upgrade; a deferred (read) transaction in WAL mode never waits.
        ((SqliteConnection)connection).BeginTransaction(deferred: !write);

    public bool IsOutage(DbException error) => error is SqliteException e && Outages.Contains(e.SqliteErrorCode);
}
