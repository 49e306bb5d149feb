using System.Data.Common;

namespace Bot.Core.Storage;

/// <summary>Opens connections to the bridge's database, already configured (for SQLite: WAL, busy timeout, foreign
/// keys), and begins its transactions.</summary>
public interface IDbConnectionFactory
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A transaction on <paramref name="connection"/>: a writing one takes the write lock up front (two writers
    /// wait for each other instead of failing); a reading one never waits for the writer.</summary>
    DbTransaction BeginTransaction(DbConnection connection, bool write);

    /// <summary>Whether <paramref name="error"/> is the database's trouble (busy, locked, read-only, full, unreachable),
    /// which passes, rather than something wrong with what was asked of it.</summary>
    bool IsOutage(DbException error);
}
