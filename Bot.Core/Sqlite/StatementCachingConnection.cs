using System.Data;
using System.Data.Common;
using Bot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Sqlite;

/// <summary>A connection that stays open and keeps each statement it ran prepared for the next time the same text runs
/// (SQLite spends several times longer compiling a statement than running a small one, and a pooled connection
/// finalizes its statements when it is closed). Used by one user at a time: the writer under its turn, or a reader that
/// leased it, whose dispose gives it back (<paramref name="giveBack"/>) instead of closing it.</summary>
internal sealed class StatementCachingConnection(SqliteConnection inner, Action<StatementCachingConnection>? giveBack = null) : WrappedConnection<SqliteConnection>(inner)
{
    private const int MaxStatements = 500;

    private readonly Dictionary<string, (SqliteCommand Command, ParameterNames Names)> statements = new(StringComparer.Ordinal);
    private readonly HashSet<SqliteCommand> inUse = [];

    // The hot paths' statements (Statement), each with its parameters made once.
    private readonly Dictionary<Statement, SqliteCommand> prepared = new(ReferenceEqualityComparer.Instance);
    private int leased;

    /// <summary>Stays open: the connection outlives each session (closed with the factory).</summary>
    public override void Close()
    {
    }

    public override void Open()
    {
    }

    public override Task OpenAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => Inner.BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand() => new CachedStatementCommand(this);

    /// <summary>The prepared command for <paramref name="text"/>, or a new uncached one while the cached one is in use;
    /// with the names its parameters are written with (<paramref name="names"/>: none for a text beyond the cache).</summary>
    internal SqliteCommand Take(string text, out bool cached, out ParameterNames? names)
    {
        if (!statements.TryGetValue(text, out var statement))
        {
            if (statements.Count >= MaxStatements)
            {
                cached = false;
                names = null;
                return new SqliteCommand(text, Inner);
            }

            statement = (new SqliteCommand(text, Inner), new ParameterNames(text));
            statements[text] = statement;
        }

        names = statement.Names;
        cached = inUse.Add(statement.Command);
        return cached ? statement.Command : new SqliteCommand(text, Inner);
    }

    internal void Return(SqliteCommand command, bool cached)
    {
        if (cached)
        {
            command.Parameters.Clear();
            command.Transaction = null;
            inUse.Remove(command);
        }
        else
        {
            command.Dispose();
        }
    }

    /// <summary>The prepared command of <paramref name="statement"/>, its parameters made; null while it is in use (the
    /// caller then makes a command of its own).</summary>
    internal SqliteCommand? TakePrepared(Statement statement)
    {
        if (!prepared.TryGetValue(statement, out var command))
        {
            command = new SqliteCommand(statement.Text, Inner);
            foreach (var name in statement.Names)
            {
                command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }

            prepared[statement] = command;
        }

        return inUse.Add(command) ? command : null;
    }

    internal void ReturnPrepared(SqliteCommand command)
    {
        command.Transaction = null;
        inUse.Remove(command);
    }

    /// <summary>Hands the connection to a reader, until it disposes it.</summary>
    public StatementCachingConnection Lease()
    {
        Volatile.Write(ref leased, 1);
        return this;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && giveBack is not null && Interlocked.Exchange(ref leased, 0) == 1)
        {
            giveBack(this);
        }

        base.Dispose(disposing); // closes nothing: Close is a no-op
    }

    /// <summary>Whether SQLite has a transaction open on the connection.</summary>
    public bool InTransaction => Inner.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;

    /// <summary>Closes the connection for good, with its statements.</summary>
    public void Shut()
    {
        foreach (var (command, _) in statements.Values)
        {
            command.Dispose();
        }

        statements.Clear();
        foreach (var command in prepared.Values)
        {
            command.Dispose();
        }

        prepared.Clear();
        Inner.Dispose();
    }
}
