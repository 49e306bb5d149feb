using Bot.Core.Postgres;
using Bot.Core.Storage;
using Bot.Testing;
using Bot.Testing.Postgres;
using Bot.Tests.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Tests.Stores;

/// <summary>Writers queue behind one lock per store: a store's writing transaction never waits for another store's,
/// while the connection's own schema and a store that names <c>public</c> share the one lock (instances of one store
/// part-way through being named still write one at a time).</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class StoreWriterLockTests : IPostgresVariant
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [DbFact]
    public async Task AStoresWriter_DoesNotWait_ForAnotherStoresWriter()
    {
        var database = await PostgresServer.CreateEmptyDatabaseAsync();
        await using var a = Factory(database, "shop_a");
        await using var b = Factory(database, "shop_b");
        await using var connectionA = await a.OpenAsync(CancellationToken.None);
        await using var held = await a.BeginTransactionAsync(connectionA, write: true, CancellationToken.None);
        await using var connectionB = await b.OpenAsync(CancellationToken.None);

        var other = b.BeginTransactionAsync(connectionB, write: true, CancellationToken.None).AsTask();

        await Eventually.TrueAsync(() => other.IsCompleted, Timeout);
        await using var transaction = await other;
        Assert.Equal(0L, await WaitingAsync(database));
    }

    [DbFact]
    public async Task TheDefaultSchema_AndANamedPublic_ShareOneWritersLock()
    {
        var database = await PostgresServer.CreateEmptyDatabaseAsync();
        await using var unnamed = Factory(database, "");
        await using var named = Factory(database, "public");
        await using var first = await unnamed.OpenAsync(CancellationToken.None);
        var held = await unnamed.BeginTransactionAsync(first, write: true, CancellationToken.None);
        await using var second = await named.OpenAsync(CancellationToken.None);

        var waiting = named.BeginTransactionAsync(second, write: true, CancellationToken.None).AsTask();
        await Eventually.TrueAsync(async () => await WaitingAsync(database) == 1, Timeout);
        Assert.False(waiting.IsCompleted);
        await held.CommitAsync();
        await held.DisposeAsync();

        await Eventually.TrueAsync(() => waiting.IsCompleted, Timeout);
        await (await waiting).DisposeAsync();
    }

    private static PostgresConnectionFactory Factory(string database, string schema) =>
        new(Options.Create(new StorageOptions { ConnectionString = database, Schema = schema }));

    /// <summary>How many transactions of this database wait for an advisory lock.</summary>
    internal static async Task<long> WaitingAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
