using Microsoft.Data.Sqlite;

namespace Bot.Core.Storage;

/// <summary>An open connection and the transaction that a unit of work runs in; repositories take one of these so
/// that several of them commit together.</summary>
public sealed class DbSession(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction { get; } = transaction;

    public static async Task<DbSession> BeginAsync(IDbConnectionFactory connections, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            // BEGIN IMMEDIATE takes the write lock up front, so two writers wait on busy_timeout instead of
            // failing with SQLITE_BUSY when a read transaction tries to upgrade.
            var transaction = connection.BeginTransaction(deferred: false);
            return new DbSession(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A read-only unit of work: a deferred transaction, which in WAL mode never waits for the writer.</summary>
    public static async Task<DbSession> ReadAsync(IDbConnectionFactory connections, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            return new DbSession(connection, connection.BeginTransaction(deferred: true));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
