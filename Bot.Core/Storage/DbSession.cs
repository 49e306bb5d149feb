using System.Data.Common;

namespace Bot.Core.Storage;

/// <summary>An open connection and the transaction that a unit of work runs in; repositories take one of these so
/// that several of them commit together.</summary>
public sealed class DbSession(DbConnection connection, DbTransaction transaction, WriterTurn? writerTurn = null) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    public static async Task<DbSession> BeginAsync(IDbConnectionFactory connections, CancellationToken cancellationToken)
    {
        var turn = await connections.WriterTurnAsync(cancellationToken);
        DbConnection? connection = null;
        try
        {
            connection = turn?.Connection ?? await connections.OpenAsync(cancellationToken);
            return new DbSession(connection, await connections.BeginTransactionAsync(connection, write: true, cancellationToken), turn);
        }
        catch
        {
            if (connection is not null && turn?.Connection is null)
            {
                await connection.DisposeAsync();
            }

            turn?.Dispose();
            throw;
        }
    }

    /// <summary>A read-only unit of work, which never waits for the writer.</summary>
    public static async Task<DbSession> ReadAsync(IDbConnectionFactory connections, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            return new DbSession(connection, await connections.BeginTransactionAsync(connection, write: false, cancellationToken));
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
        try
        {
            await Transaction.DisposeAsync();
            if (writerTurn?.Connection is null)
            {
                await Connection.DisposeAsync();
            }
        }
        finally
        {
            writerTurn?.Dispose();
        }
    }
}
