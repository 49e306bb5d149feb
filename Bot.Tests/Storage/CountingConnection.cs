using System.Data;
using System.Data.Common;
using Bot.Core.Storage;

namespace Bot.Tests.Storage;

/// <summary>A connection (of either database) that counts the commands created on it: every statement a repository
/// runs goes through one command, so the count is the number of round trips a unit of work makes.</summary>
public sealed class CountingConnection(DbConnection inner) : DbConnection
{
    public int Commands { get; private set; }

#pragma warning disable CS8765 // the base property is declared [AllowNull]
    public override string ConnectionString
    {
        get => inner.ConnectionString;
        set => inner.ConnectionString = value;
    }
#pragma warning restore CS8765

    public override string Database => inner.Database;

    public override string DataSource => inner.DataSource;

    public override string ServerVersion => inner.ServerVersion;

    public override ConnectionState State => inner.State;

    /// <summary>Opens a counting connection on the database that <paramref name="connections"/> opens, in a read session;
    /// the count starts after BEGIN.</summary>
    public static async Task<(CountingConnection Connection, DbSession Session)> OpenSessionAsync(IDbConnectionFactory connections)
    {
        var inner = await connections.OpenAsync(CancellationToken.None);
        var connection = new CountingConnection(inner);
        var session = new DbSession(connection, connections.BeginTransaction(inner, write: false));
        connection.Commands = 0; // BEGIN is not the work being measured.
        return (connection, session);
    }

    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);

    public override void Close() => inner.Close();

    public override void Open() => inner.Open();

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => inner.BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand()
    {
        Commands++;
        return inner.CreateCommand();
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
