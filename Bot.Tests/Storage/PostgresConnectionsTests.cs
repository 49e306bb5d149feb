using Bot.Core.Postgres;
using Bot.Core.Storage;
using Bot.Testing;
using Bot.Testing.Postgres;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Tests.Storage;

/// <summary>How the bridge uses its PostgreSQL connections: the statements it runs again and again are prepared once
/// per pooled connection and stay prepared when the connection goes back to the pool (unless the connection string
/// says <c>Max Auto Prepare=0</c>), the writers of one process queue in the process, so a writer waiting for its
/// turn holds no pooled connection, and the one waiting in the database's lock holds no thread and stops when
/// cancelled.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class PostgresConnectionsTests : IPostgresVariant
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private const string Repeated = "SELECT COUNT(*) FROM cursors WHERE name = @name";

    [DbFact]
    public async Task AStatementRunAgainAndAgain_IsPrepared_AndStaysPreparedWhenItsConnectionIsReused()
    {
        // One pooled connection, so the second session gets the same one back.
        await using var factory = Factory(await PostgresServer.CreateDatabaseAsync(), ";Maximum Pool Size=1");
        await using (var session = await DbSession.ReadAsync(factory, CancellationToken.None))
        {
            for (var i = 0; i < 6; i++)
            {
                await session.Connection.ExecuteScalarAsync<long>(Repeated, new { name = "telegram:offset" }, session.Transaction);
            }

            Assert.Equal(1L, await PreparedAsync(session));
        }

        await using var again = await DbSession.ReadAsync(factory, CancellationToken.None);
        Assert.Equal(1L, await PreparedAsync(again));
    }

    [DbFact]
    public async Task AConnectionStringThatSaysMaxAutoPrepare0_PreparesNothing()
    {
        await using var factory = Factory(await PostgresServer.CreateDatabaseAsync(), ";Max Auto Prepare=0");
        await using var session = await DbSession.ReadAsync(factory, CancellationToken.None);
        for (var i = 0; i < 6; i++)
        {
            await session.Connection.ExecuteScalarAsync<long>(Repeated, new { name = "telegram:offset" }, session.Transaction);
        }

        Assert.Equal(0L, await PreparedAsync(session));
    }

    [Theory]
    [InlineData("Host=db;Database=bridge", false)]
    [InlineData("Host=db;Database=bridge;Max Auto Prepare=0", true)]
    [InlineData("Host=db;Database=bridge;maxautoprepare=10", true)]
    [InlineData("postgres://bridge:secret@db:5432/bridge?sslmode=require", false)]
    [InlineData("postgres://bridge:secret@db:5432/bridge?Max%20Auto%20Prepare=0", true)]
    public void TheDefaultNumberOfPreparedStatements_AppliesOnlyWhereTheConnectionStringSaysNothing(string connectionString, bool says)
    {
        var settings = PostgresConnectionFactory.Settings(new StorageOptions { ConnectionString = connectionString });

        Assert.Equal(says ? PostgresConnectionString.Parse(connectionString).MaxAutoPrepare : 64, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
    }

    [DbFact]
    public async Task AWriterWaitingForItsTurn_HoldsNoPooledConnection_SoAReaderStillGetsOne()
    {
        // Two pooled connections: the writer holding the turn has one; before writers queued in the process, a second
        // writer took the other and waited in the database's lock, and readers waited for the pool until its timeout.
        await using var factory = Factory(await PostgresServer.CreateDatabaseAsync(), ";Maximum Pool Size=2;Timeout=5");
        var first = await DbSession.BeginAsync(factory, CancellationToken.None);
        var waiting = Enumerable.Range(0, 3).Select(_ => Task.Run(() => DbSession.BeginAsync(factory, CancellationToken.None))).ToList();

        await using (var reader = await DbSession.ReadAsync(factory, CancellationToken.None).WaitAsync(Timeout))
        {
            Assert.Equal(0L, await reader.Connection.ExecuteScalarAsync<long>(Repeated, new { name = "none" }, reader.Transaction));
        }

        Assert.DoesNotContain(waiting, w => w.IsCompleted);
        await first.CommitAsync(CancellationToken.None);
        await first.DisposeAsync();
        // Each gets its turn as the one before it ends, in whatever order they queued.
        while (waiting.Count > 0)
        {
            var next = await Task.WhenAny(waiting).WaitAsync(Timeout);
            waiting.Remove(next);
            await using var session = await next;
            await session.CommitAsync(CancellationToken.None);
        }
    }

    [DbFact]
    public async Task AWriterWaitingForAnotherInstancesLock_StopsWaitingWhenCancelled()
    {
        // Two instances of one store; the second's writer waits in the database's lock, which a stopping host cancels.
        // Before the lock was taken asynchronously the wait ignored the token and lasted until the busy timeout.
        var database = await PostgresServer.CreateDatabaseAsync();
        await using var running = Factory(database, "");
        await using var stopping = new PostgresConnectionFactory(Options.Create(new StorageOptions { ConnectionString = database, BusyTimeout = TimeSpan.FromMinutes(5) }));
        await using var held = await DbSession.BeginAsync(running, CancellationToken.None);
        using var stop = new CancellationTokenSource();

        var waiting = DbSession.BeginAsync(stopping, stop.Token);
        await Eventually.TrueAsync(async () => await Stores.StoreWriterLockTests.WaitingAsync(database) == 1, Timeout);
        await stop.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => waiting.WaitAsync(Timeout));
        Assert.True(error is OperationCanceledException || error.InnerException is OperationCanceledException, error.ToString());
        Assert.Equal(0L, await Stores.StoreWriterLockTests.WaitingAsync(database));
        await held.CommitAsync(CancellationToken.None);
    }

    private static PostgresConnectionFactory Factory(string database, string extra) =>
        new(Options.Create(new StorageOptions { ConnectionString = database + extra }));

    private static Task<long> PreparedAsync(DbSession session) =>
        session.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM cursors WHERE name%'", transaction: session.Transaction);
}
