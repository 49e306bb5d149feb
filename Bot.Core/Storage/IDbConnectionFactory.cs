using System.Data.Common;

namespace Bot.Core.Storage;

/// <summary>Opens connections to the bridge's database, already configured (for SQLite: WAL, busy timeout, foreign
/// keys), and begins its transactions.</summary>
public interface IDbConnectionFactory
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A transaction on <paramref name="connection"/>: a writing one takes the write lock up front (two writers
    /// wait for each other instead of failing), without holding a thread while it waits; a reading one never waits for
    /// the writer.</summary>
    ValueTask<DbTransaction> BeginTransactionAsync(DbConnection connection, bool write, CancellationToken cancellationToken);

    /// <summary>Waits for this process's turn to write, before a writing transaction begins; the turn ends when it is
    /// disposed (after the transaction). Null: the database orders its writers by itself.</summary>
    /// <remarks>SQLite's own wait for a busy write lock polls with sleeps of up to 100 ms, so writers that queue in
    /// SQLite lose far more time than the writes take; queueing in the process wakes the next writer at once.</remarks>
    ValueTask<WriterTurn?> WriterTurnAsync(CancellationToken cancellationToken) => ValueTask.FromResult<WriterTurn?>(null);

    /// <summary>Whether <paramref name="error"/> is the database's trouble (busy, locked, read-only, full, unreachable),
    /// which passes, rather than something wrong with what was asked of it.</summary>
    bool IsOutage(DbException error);
}
