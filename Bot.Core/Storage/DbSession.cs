using System.Data.Common;

namespace Bot.Core.Storage;

/// <summary>An open connection and the transaction that a unit of work runs in; repositories take one of these so
/// that several of them commit together.</summary>
public sealed class DbSession(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    public static async Task<DbSession> BeginAsync(IDbConnectionFactory connections, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            return new DbSession(connection, connections.BeginTransaction(connection, write: true));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A read-only unit of work, which never waits for the writer.</summary>
    public static async Task<DbSession> ReadAsync(IDbConnectionFactory connections, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            return new DbSession(connection, connections.BeginTransaction(connection, write: false));
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
