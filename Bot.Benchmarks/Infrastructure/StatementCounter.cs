using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Bot.Core.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Bot.Benchmarks.Infrastructure;

/// <summary>Counts what the core asks of SQLite: connections opened, transactions begun (writing or reading) and every
/// statement run (from SQLite's own trace, by its text), for the profile's "statements per message".</summary>
public sealed class StatementCounter(IDbConnectionFactory inner) : IDbConnectionFactory
{
    private readonly ConditionalWeakTable<sqlite3, object> traced = [];
    private readonly ConcurrentDictionary<string, long> statements = new(StringComparer.Ordinal);
    private long opens;
    private long writes;
    private long reads;

    public long Opens => Interlocked.Read(ref opens);

    public long Writes => Interlocked.Read(ref writes);

    public long Reads => Interlocked.Read(ref reads);

    public IReadOnlyDictionary<string, long> Statements => statements;

    public void Reset()
    {
        statements.Clear();
        Interlocked.Exchange(ref opens, 0);
        Interlocked.Exchange(ref writes, 0);
        Interlocked.Exchange(ref reads, 0);
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await inner.OpenAsync(cancellationToken);
        Interlocked.Increment(ref opens);
        Trace(connection);
        return connection;
    }

    private void Trace(DbConnection opened)
    {
        // The core's kept connections wrap the SQLite one (internal type): reach it by its Inner property.
        var connection = opened as SqliteConnection ?? opened.GetType().GetProperty("Inner")?.GetValue(opened) as SqliteConnection;
        if (connection is { Handle: { } handle } && !traced.TryGetValue(handle, out _))
        {
            traced.Add(handle, this);
            raw.sqlite3_trace(handle, (_, sql) => statements.AddOrUpdate(Shorten(sql.utf8_to_string()), 1, (_, n) => n + 1), null);
        }
    }

    public ValueTask<DbTransaction> BeginTransactionAsync(DbConnection connection, bool write, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref write ? ref writes : ref reads);
        return inner.BeginTransactionAsync(connection, write, cancellationToken);
    }

    public async ValueTask<WriterTurn?> WriterTurnAsync(CancellationToken cancellationToken)
    {
        var turn = await inner.WriterTurnAsync(cancellationToken);
        if (turn?.Connection is { } writer)
        {
            Trace(writer);
        }

        return turn;
    }

    public bool IsOutage(DbException error) => inner.IsOutage(error);

    private static string Shorten(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        line = System.Text.RegularExpressions.Regex.Replace(line, @"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b", "?");
        return line.Length > 110 ? line[..110] : line;
    }
}
