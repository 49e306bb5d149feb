using System.Data.Common;
using Bot.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Bot.Core.Sqlite;

/// <summary>Opens pooled SQLite connections in WAL mode. One more connection, outside the pool, stays open for the
/// factory's lifetime: SQLite copies the write-ahead log into the database file when its last connection closes, and
/// the pool closes idle connections after a few minutes, so without it an idle bridge would still write to the file
/// once after every burst.</summary>
public sealed partial class SqliteConnectionFactory : IDbConnectionFactory, IDisposable
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN: the database, not the item.
    private static readonly int[] Outages = [5, 6, 8, 10, 13, 14];

    private readonly string connectionString;
    private readonly string keeperConnectionString;
    private readonly int busyTimeoutMs;
    private readonly Lock keeperGate = new();

    // Pooled connections reuse their SQLite handle, which keeps its settings: each handle is configured once.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> configured = [];
    private SqliteConnection? keeper;
    private bool disposed;

    static SqliteConnectionFactory() => ConfigureSqlite();

    /// <summary>Whether SQLite keeps no memory statistics in this process (see <see cref="ConfigureSqlite"/>).</summary>
    internal static bool MemoryStatisticsOff { get; private set; }

    /// <summary>Tells SQLite, before its first connection in the process, not to keep memory statistics. Kept, they
    /// put one process-wide lock around each of SQLite's allocations, which the writer and every reader take by turns
    /// (an uncontended lock is cheap, but here they contend, and each wait is a system call). The bridge reads no
    /// statistic (no soft heap limit, no <c>sqlite3_memory_used</c>). Once SQLite has started in the process it refuses
    /// (SQLITE_MISUSE) and keeps them; the host builds its factory before any connection, so that is only a test process
    /// that opened one first.</summary>
    internal static void ConfigureSqlite()
    {
        SQLitePCL.Batteries_V2.Init();
        const int Ok = 0;
        if (SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0) == Ok)
        {
            MemoryStatisticsOff = true;
        }
    }

    public SqliteConnectionFactory(IOptions<StorageOptions> options)
    {
        var builder = new SqliteConnectionStringBuilder(options.Value.ConnectionString)
        {
            // Pooling keeps the per-message cost low; WAL and the pragmas below are per connection.
            Pooling = true,
        };
        connectionString = builder.ToString();
        keeperConnectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        busyTimeoutMs = (int)options.Value.BusyTimeout.TotalMilliseconds;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (idleReaders.TryTake(out var idle))
        {
            return idle.Lease();
        }

        if (Interlocked.Increment(ref readers) <= CachedReaders)
        {
            try
            {
                var kept = new StatementCachingConnection(await OpenKeptAsync(cancellationToken), GiveBack).Lease();
                KeepOpen();
                return kept;
            }
            catch
            {
                Interlocked.Decrement(ref readers);
                throw;
            }
        }

        // More readers at once than are kept: a pooled connection, which prepares its statements anew.
        Interlocked.Decrement(ref readers);
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // WAL lets readers and the single writer work at once; synchronous=NORMAL is durable against
            // process crashes (a committed transaction survives SIGKILL), only an OS crash can lose the last commits.
            if (connection.Handle is not { } handle || !configured.TryGetValue(handle, out _))
            {
                await ConfigureAsync(connection);
                if (connection.Handle is { } opened)
                {
                    configured.AddOrUpdate(opened, this);
                }
            }
            KeepOpen();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>SQLite's BEGIN runs in this process: a writer has already waited for its turn
    /// (<see cref="WriterTurnAsync"/>), and SQLite's own busy handler is only the backstop.</summary>
    public ValueTask<DbTransaction> BeginTransactionAsync(DbConnection connection, bool write, CancellationToken cancellationToken) =>
        ValueTask.FromResult(BeginTransaction(connection, write));

    public DbTransaction BeginTransaction(DbConnection connection, bool write) =>
        // BEGIN IMMEDIATE takes the write lock up front, so two writers wait on busy_timeout instead of failing with
        // SQLITE_BUSY when a read transaction tries to upgrade; a deferred (read) transaction in WAL mode never waits.
        (connection is StatementCachingConnection writing ? writing.Inner : (SqliteConnection)connection).BeginTransaction(deferred: !write);

    /// <summary>Closes the kept connection: the log is copied into the file as the bridge stops.</summary>
    public void Dispose()
    {
        lock (keeperGate)
        {
            // After a background checkpoint on it has finished.
            lock (checkpointGate)
            {
                keeper?.Dispose();
                keeper = null;
            }

            disposed = true;
            while (idleReaders.TryTake(out var idle))
            {
                idle.Shut();
            }
        }

        // Shut once no writer holds its turn (a session still open keeps it for as long as it runs).
        if (writers.Wait(busyTimeoutMs))
        {
            writer?.Shut();
            writer = null;
        }
    }

    private void KeepOpen()
    {
        if (Volatile.Read(ref keeper) is not null)
        {
            return;
        }

        lock (keeperGate)
        {
            if (keeper is null && !disposed)
            {
                var connection = new SqliteConnection(keeperConnectionString);
                connection.Open();
                // A connection that never read the database holds no lock on it, and SQLite would not count it.
                using (var read = connection.CreateCommand())
                {
                    read.CommandText = "SELECT count(*) FROM sqlite_master";
                    read.ExecuteScalar();
                }

                keeper = connection;
            }
        }
    }

    /// <summary>WAL lets readers and the single writer work at once; synchronous=NORMAL is durable against process
    /// crashes (a committed transaction survives SIGKILL), only an OS crash can lose the last commits. The log is
    /// copied into the file in the background (<see cref="CountLoggedPages"/>); a connection's own automatic checkpoint
    /// is only the backstop. temp_store=MEMORY keeps SQLite's temporary files in memory: above all the copies of pages a
    /// savepoint may need to roll back (the completions of a group commit each run under one), which past 64 KiB went to
    /// a temporary file, two writes a page. A plain command, not Dapper: every start opens connections.</summary>
    private async Task ConfigureAsync(SqliteConnection connection)
    {
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint={BackstopCheckpointPages}; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA busy_timeout={busyTimeoutMs};";
        await pragmas.ExecuteNonQueryAsync();
    }

    public bool IsOutage(DbException error) => error is SqliteException e && Outages.Contains(e.SqliteErrorCode);
}
