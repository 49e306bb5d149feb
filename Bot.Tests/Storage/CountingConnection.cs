using Bot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Tests.Storage;

/// <summary>A SQLite connection that counts the commands created on it: every statement a repository runs goes through
/// one command, so the count is the number of round trips a unit of work makes.</summary>
public sealed class CountingConnection(string connectionString) : SqliteConnection(connectionString)
{
    public int Commands { get; private set; }

    public override SqliteCommand CreateCommand()
    {
        Commands++;
        return base.CreateCommand();
    }

    /// <summary>Opens a counting connection on the database that <paramref name="connections"/> opens, in a read session;
    /// the count starts after BEGIN.</summary>
    public static async Task<(CountingConnection Connection, DbSession Session)> OpenSessionAsync(IDbConnectionFactory connections)
    {
        string source;
        await using (var probe = await connections.OpenAsync(CancellationToken.None))
        {
            source = probe.ConnectionString;
        }

        var connection = new CountingConnection(source);
        await connection.OpenAsync();
        var session = new DbSession(connection, connection.BeginTransaction(deferred: true));
        connection.Commands = 0; // BEGIN is not the work being measured.
        return (connection, session);
    }
}
