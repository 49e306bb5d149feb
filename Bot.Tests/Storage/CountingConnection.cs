using System.Data;
using System.Data.Common;
using Bot.Core.Storage;

namespace Bot.Tests.Storage;

/// <summary>A connection (of either database) that counts the commands created on it: every statement a repository
/// runs goes through one command, so the count is the number of round trips a unit of work makes.</summary>
public sealed class CountingConnection(DbConnection inner) : WrappedConnection<DbConnection>(inner)
{
    public int Commands { get; private set; }

    /// <summary>Opens a counting connection on the database that <paramref name="connections"/> opens, in a read session;
    /// the count starts after BEGIN.</summary>
    public static async Task<(CountingConnection Connection, DbSession Session)> OpenSessionAsync(IDbConnectionFactory connections, bool write = false)
    {
        var inner = await connections.OpenAsync(CancellationToken.None);
        var connection = new CountingConnection(inner);
        var session = new DbSession(connection, await connections.BeginTransactionAsync(inner, write, CancellationToken.None));
        connection.Commands = 0; // BEGIN is not the work being measured.
        return (connection, session);
    }

    public override void Close() => Inner.Close();

    public override void Open() => Inner.Open();

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => Inner.BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand()
    {
        Commands++;
        return Inner.CreateCommand();
    }

    public override async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
