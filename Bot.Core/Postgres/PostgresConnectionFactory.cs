using System.Data;
using System.Data.Common;
using Bot.Core.Sqlite;
using Bot.Core.Storage;
using Dapper;
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

    // Connection trouble (08), too many connections or out of memory or disk (53), shut down or cancelled by an
    // operator (57), serialization and deadlock (40), a lock not available (55P03), a read-only server (25006).
    private static readonly string[] OutageStates = ["08", "53", "57", "40", "55P03", "25006"];

    // Made at first use: the options are validated at start, after the host has built this factory.
    private readonly Lazy<NpgsqlDataSource> source;
    private readonly Lazy<string> schema;
    private readonly Lazy<long> writerLock;
    private readonly SemaphoreSlim schemaCheck = new(1, 1);
    private bool schemaReady;

    public PostgresConnectionFactory(IOptions<StorageOptions> options)
    {
        SqliteTypeHandlers.Register(); // times as ISO 8601 text, the form both databases store
        schema = new(() => options.Value.Schema);
        writerLock = new(() => PostgresSchema.WriterLock(DefaultWriterLock, schema.Value));
        source = new(() =>
        {
            var builder = PostgresConnectionString.Parse(options.Value.ConnectionString);
            if (schema.Value.Length > 0)
            {
                builder.SearchPath = schema.Value;
            }

            builder.CommandTimeout = Math.Max(builder.CommandTimeout, (int)Math.Ceiling(options.Value.BusyTimeout.TotalSeconds));
            return NpgsqlDataSource.Create(builder);
        });
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

    public DbTransaction BeginTransaction(DbConnection connection, bool write)
    {
        if (!write)
        {
            return connection.BeginTransaction(IsolationLevel.RepeatableRead);
        }

        var transaction = connection.BeginTransaction();
        try
        {
            DapperOnFirstUse.Execute(connection, "SELECT pg_advisory_xact_lock(@WriterLock)", new { WriterLock = writerLock.Value }, transaction);
            return transaction;
        }
        catch
        {
            transaction.Dispose();
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
        return source.IsValueCreated ? source.Value.DisposeAsync() : ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        schemaCheck.Dispose();
        if (source.IsValueCreated)
        {
            source.Value.Dispose();
        }
    }
}
