using System.Data;
using System.Data.Common;
using Bot.Core.Sqlite;
using Bot.Core.Storage;
using Npgsql;
using Microsoft.Extensions.Options;

namespace Bot.Core.Postgres;

/// <summary>Opens pooled PostgreSQL connections that speak the repositories' SQL (<see cref="DialectConnection"/>).
/// Writing transactions take one advisory lock first, so writers queue behind each other as they do on SQLite (the
/// core was written for one writer at a time); reading ones see one snapshot and never wait. With a schema
/// (<see cref="StorageOptions.Schema"/>, one per store) every connection works inside it (its search path), the schema
/// is made at the first connection when missing, and the writers' lock is the schema's own, so one store's writers
/// never queue behind another's.</summary>
public sealed class PostgresConnectionFactory : IDbConnectionFactory, IAsyncDisposable, IDisposable
{
    // Any constant: the lock that stands for SQLite's single writer (mixed with the schema's name when there is one).
    private const long DefaultWriterLock = 0x6272_6964_6765;

    // The bridge runs a few dozen distinct statements on its hot paths; more are parsed each time.
    private const int PreparedPerConnection = 64;

    // Connection trouble (08), too many connections or out of memory or disk (53), shut down or cancelled by an
    // operator (57), serialization and deadlock (40), a lock not available (55P03), a read-only server (25006).
    private static readonly string[] OutageStates = ["08", "53", "57", "40", "55P03", "25006"];

    // Made at first use: the options are validated at start, after the host has built this factory.
    private readonly Lazy<NpgsqlDataSource> source;
    private readonly Lazy<string> schema;
    private readonly Lazy<long> writerLock;
    private readonly SemaphoreSlim schemaCheck = new(1, 1);
    private readonly SemaphoreSlim writers = new(1, 1);
    private readonly Lazy<TimeSpan> busyTimeout;
    private bool schemaReady;

    public PostgresConnectionFactory(IOptions<StorageOptions> options)
    {
        SqliteTypeHandlers.Register(); // times as ISO 8601 text, the form both databases store
        schema = new(() => options.Value.Schema);
        busyTimeout = new(() => options.Value.BusyTimeout);
        writerLock = new(() => PostgresSchema.WriterLock(DefaultWriterLock, schema.Value));
        source = new(() => NpgsqlDataSource.Create(Settings(options.Value)));
    }

    /// <summary>Npgsql's settings for <paramref name="options"/>: the store's schema as the search path, commands allowed
    /// the busy timeout, and the statements the bridge runs again and again prepared on each pooled connection (the
    /// server parses and plans each once, not on every call) unless the connection string says otherwise (<c>Max Auto
    /// Prepare=0</c>, for a PgBouncer in transaction mode before 1.21). A connection given back to the pool keeps them:
    /// no <c>DISCARD ALL</c> on close, since the bridge sets no session state beyond what the connection string sets.</summary>
    public static NpgsqlConnectionStringBuilder Settings(StorageOptions options)
    {
        var builder = PostgresConnectionString.Parse(options.ConnectionString);
        if (options.Schema.Length > 0)
        {
            builder.SearchPath = options.Schema;
        }

        builder.CommandTimeout = Math.Max(builder.CommandTimeout, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
        // The builder's own text holds only the keywords the connection string set, under their canonical names.
        if (!new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString }.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = PreparedPerConnection;
        }

        builder.NoResetOnClose = true;
        return builder;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await source.Value.OpenConnectionAsync(cancellationToken);
        if (!Volatile.Read(ref schemaReady) && schema.Value.Length > 0)
        {
            try
            {
                await EnsureSchemaAsync(connection, cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        return new DialectConnection(connection);
    }

    private async Task EnsureSchemaAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await schemaCheck.WaitAsync(cancellationToken);
        try
        {
            if (!schemaReady)
            {
                await PostgresSchema.EnsureAsync(connection, schema.Value, cancellationToken);
                Volatile.Write(ref schemaReady, true);
            }
        }
        finally
        {
            schemaCheck.Release();
        }
    }

    /// <summary>One writer of this process at a time, queued here without a connection or a thread, so that only the
    /// writer whose turn it is waits for the database's lock (which orders this process's writers against other
    /// instances'). A waiting writer would otherwise hold a pooled connection and block a thread in that lock. A turn not
    /// given within the busy timeout is taken anyway: the database's lock still orders the writes.</summary>
    public async ValueTask<WriterTurn?> WriterTurnAsync(CancellationToken cancellationToken) =>
        await writers.WaitAsync(busyTimeout.Value, cancellationToken) ? new WriterTurn(null, () => writers.Release()) : null;

    public async ValueTask<DbTransaction> BeginTransactionAsync(DbConnection connection, bool write, CancellationToken cancellationToken)
    {
        if (!write)
        {
            return await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT pg_advisory_xact_lock(@writerLock)";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "writerLock";
            parameter.Value = writerLock.Value;
            command.Parameters.Add(parameter);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public bool IsOutage(DbException error) => error switch
    {
        PostgresException e => OutageStates.Any(s => e.SqlState.StartsWith(s, StringComparison.Ordinal)),
        NpgsqlException e => e.IsTransient || e.InnerException is IOException or System.Net.Sockets.SocketException or TimeoutException,
        _ => false,
    };

    public ValueTask DisposeAsync()
    {
        schemaCheck.Dispose();
        writers.Dispose();
        return source.IsValueCreated ? source.Value.DisposeAsync() : ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        schemaCheck.Dispose();
        writers.Dispose();
        if (source.IsValueCreated)
        {
            source.Value.Dispose();
        }
    }
}
