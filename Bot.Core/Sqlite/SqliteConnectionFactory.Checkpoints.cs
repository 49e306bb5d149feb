using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Bot.Core.Sqlite;

/// <summary>Checkpoints off the writer's turn. SQLite copies the write-ahead log into the database file once the log
/// holds 1,000 pages, in the commit that crosses the mark; that commit then also waits for two fsyncs, with the
/// writer's turn held and every other writer queued behind it. Here the writer's connection leaves that to a
/// background checkpoint on the kept connection, started when the pages written through the writer's turns since the
/// last one reach the same mark. A passive checkpoint waits for nobody: writers go on appending to the log while it
/// copies, and readers keep their snapshots.</summary>
public sealed partial class SqliteConnectionFactory
{
    /// <summary>SQLite's own default for its automatic checkpoint.</summary>
    internal const int CheckpointPages = 1000;

    /// <summary>The connections' own automatic checkpoint, kept only as a backstop: for writes made without the turn
    /// (none in normal running), or a log that the background checkpoint could not bring down.</summary>
    internal const int BackstopCheckpointPages = 10 * CheckpointPages;

    private readonly Lock checkpointGate = new();
    private Task checkpointing = Task.CompletedTask;
    private int pagesSinceCheckpoint;
    private long checkpoints;
    private long checkpointFailures;
    private long pagesLogged;

    /// <summary>Background checkpoints run so far, and those that failed (the next one, or SQLite's backstop, copies
    /// what they left).</summary>
    public (long Run, long Failed) Checkpoints => (Interlocked.Read(ref checkpoints), Interlocked.Read(ref checkpointFailures));

    /// <summary>Pages the writer's turns have appended to the log so far: what the writes cost in I/O, whatever the
    /// machine's speed (the throughput benchmark prints it per message).</summary>
    public long PagesLogged => Interlocked.Read(ref pagesLogged);

    /// <summary>At the end of a writer's turn: counts the pages its commit appended to the log (SQLite's count of
    /// pages written by the connection, read and reset), and starts a checkpoint once they reach the mark and none is
    /// running. Called with the turn still held, so only one caller at a time.</summary>
    private void CountLoggedPages(StatementCachingConnection connection)
    {
        if (connection.Inner.Handle is not { } handle)
        {
            return;
        }

        _ = raw.sqlite3_db_status(handle, raw.SQLITE_DBSTATUS_CACHE_WRITE, out var written, out _, 1);
        pagesSinceCheckpoint += written;
        Interlocked.Add(ref pagesLogged, written);
        if (pagesSinceCheckpoint >= CheckpointPages && checkpointing.IsCompleted)
        {
            pagesSinceCheckpoint = 0;
            checkpointing = Task.Run(Checkpoint);
        }
    }

    private void Checkpoint()
    {
        try
        {
            // Opened with the first reader; a process that has only written opens it here.
            KeepOpen();
            lock (checkpointGate)
            {
                if (Volatile.Read(ref keeper) is not { } connection)
                {
                    return;
                }

                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                command.ExecuteNonQuery();
                Interlocked.Increment(ref checkpoints);
            }
        }
        catch (SqliteException)
        {
            // Nothing is lost: the log keeps every committed page, and the next checkpoint copies it.
            Interlocked.Increment(ref checkpointFailures);
        }
    }
}
