using Bot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Core.Sqlite;

/// <summary>The connections kept open with their statements prepared: the writer's, handed over with the writer's
/// turn, and a few readers', leased and given back.</summary>
public sealed partial class SqliteConnectionFactory
{
    private readonly SemaphoreSlim writers = new(1, 1);
    private StatementCachingConnection? writer;
    private long turnStarted;
    private long turnsHeldTicks;
    private long turns;

    /// <summary>How long this process has held the writer's turn in all, and how many turns it gave: the share of a
    /// run's wall time in which its writes were serialised (the throughput benchmark prints it).</summary>
    public (TimeSpan Held, long Turns) WriterTurnsHeld =>
        (TimeSpan.FromSeconds(Interlocked.Read(ref turnsHeldTicks) / (double)System.Diagnostics.Stopwatch.Frequency), Interlocked.Read(ref turns));

    // Readers' connections kept open with their prepared statements (each holds SQLite's page cache: a few).
    private const int CachedReaders = 4;
    private readonly System.Collections.Concurrent.ConcurrentBag<StatementCachingConnection> idleReaders = [];
    private int readers;

    /// <summary>One writer of this process at a time, queued here rather than in SQLite's sleeping busy handler. A turn
    /// not given within the busy timeout is taken anyway: SQLite's lock still orders the writes, and a writer that waits
    /// on itself fails as it did before, instead of hanging.</summary>
    /// <remarks>The turn comes with the writer connection, which stays open and keeps its statements prepared.</remarks>
    public async ValueTask<WriterTurn?> WriterTurnAsync(CancellationToken cancellationToken)
    {
        if (!await writers.WaitAsync(busyTimeoutMs, cancellationToken))
        {
            return null;
        }

        try
        {
            writer ??= await OpenWriterAsync(cancellationToken);
            turnStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            return new WriterTurn(writer, EndTurn);
        }
        catch
        {
            writers.Release();
            throw;
        }
    }

    /// <summary>A writer connection left inside a transaction (its rollback failed) is not handed to the next writer,
    /// whose BEGIN would fail on it: it is closed, which rolls back, and the next turn opens a new one.</summary>
    private void EndTurn()
    {
        if (writer is { InTransaction: true } stuck)
        {
            writer = null;
            stuck.Shut();
        }
        else if (writer is { } kept)
        {
            CountLoggedPages(kept);
        }

        Interlocked.Add(ref turnsHeldTicks, System.Diagnostics.Stopwatch.GetTimestamp() - turnStarted);
        Interlocked.Increment(ref turns);
        writers.Release();
    }

    private async Task<StatementCachingConnection> OpenWriterAsync(CancellationToken cancellationToken) =>
        new(await OpenKeptAsync(cancellationToken));

    /// <summary>A connection outside the pool, configured, for the writer or a kept reader.</summary>
    private async Task<SqliteConnection> OpenKeptAsync(CancellationToken cancellationToken)
    {
        lock (keeperGate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
        }

        var connection = new SqliteConnection(keeperConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ConfigureAsync(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private void GiveBack(StatementCachingConnection connection)
    {
        lock (keeperGate)
        {
            if (!disposed)
            {
                idleReaders.Add(connection);
                return;
            }
        }

        connection.Shut();
    }
}
