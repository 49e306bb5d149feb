using Bot.Core.Operations;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Bot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Bot.Tests.EndToEnd.FaultMatrix;

/// <summary>Fault matrix, database rows: another connection holds the write lock, and the disk is full. The bridge's
/// busy timeout is scaled from 10 s to 300 ms, and each fault lasts until the bridge has been held up by it for 3 s.
/// Both faults are made on the SQLite file, so these stay on SQLite whatever database the run puts bridges on.</summary>
public sealed class DatabaseFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan FaultLength = TimeSpan.FromSeconds(3);
    private static readonly int Bound = new OutboxOptions().MaxParallelDeliveries;

    private static Task<MatrixRig> StartAsync() =>
        MatrixRig.StartAsync(services: s => s.Configure<StorageOptions>(o => o.BusyTimeout = TimeSpan.FromMilliseconds(300)), onSqliteFile: true);

    [Fact]
    public async Task DatabaseLockedByAnotherWriter_RepeatsAtMostTheInFlight_AndRecoversWithoutOperator()
    {
        await using var rig = await StartAsync();
        await InFlightAsync(rig);
        await using (var blocker = await OpenAsync(rig))
        {
            await ExecuteAsync(blocker, "BEGIN IMMEDIATE;"); // held while deliveries are in flight
            await HoldAsync(rig);
            await ExecuteAsync(blocker, "COMMIT;");
        }

        rig.Traffic.AddBuyerMessages(4);
        var row = await rig.FinishAsync($"Database locked by another writer for {FaultLength.TotalSeconds:F0} s", output);
        Assert.Equal((0, true), (row.Lost, row.RecoveredWithoutOperator));
        Assert.InRange(row.Duplicates, 0, Bound);
    }

    [Fact]
    public async Task DiskFull_RepeatsAtMostTheInFlight_AndRecoversWithoutOperator()
    {
        // SQLite's own SQLITE_FULL cannot be provoked for another connection (max_page_count is per connection), so
        // triggers refuse every write of the outbox, the messages and the cursors with SQLite's "disk is full" words.
        await using var rig = await StartAsync();
        await InFlightAsync(rig);
        await using (var admin = await OpenAsync(rig))
        {
            await ExecuteAsync(admin, string.Join('\n', Tables.Select(t =>
                $"CREATE TRIGGER full_{t.Table}_{t.Event} BEFORE {t.Event} ON {t.Table} BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;")));
            await HoldAsync(rig);
            await ExecuteAsync(admin, string.Join('\n', Tables.Select(t => $"DROP TRIGGER full_{t.Table}_{t.Event};")));
        }

        rig.Traffic.AddBuyerMessages(4);
        var row = await rig.FinishAsync($"Disk full (writes refused for {FaultLength.TotalSeconds:F0} s)", output);
        Assert.Equal((0, true), (row.Lost, row.RecoveredWithoutOperator));
        Assert.InRange(row.Duplicates, 0, Bound);
    }

    private static readonly (string Table, string Event)[] Tables =
        [("outbox", "INSERT"), ("outbox", "UPDATE"), ("messages", "INSERT"), ("cursors", "INSERT"), ("cursors", "UPDATE")];

    /// <summary>Staff replies and a burst of buyer messages, returning once the relay of the burst is under way.</summary>
    private static async Task InFlightAsync(MatrixRig rig)
    {
        await rig.WriteAsync(0, 8);
        var before = rig.Traffic.BuyerArrivals().Count;
        rig.Traffic.AddBuyerMessages(40);
        await Eventually.TrueAsync(() => rig.Traffic.BuyerArrivals().Count >= before + 4, MatrixRig.Timeout);
    }

    /// <summary>Buyers keep writing; the fault lasts until the bridge has completed no marketplace poll for
    /// <see cref="FaultLength"/> (it polls every 200 ms when well), while the deliveries in flight meet it too.</summary>
    private static async Task HoldAsync(MatrixRig rig)
    {
        rig.Traffic.AddBuyerMessages(8);
        var health = rig.Services.GetRequiredService<BridgeHealth>();
        await Eventually.TrueAsync(
            () => health.Marketplace.LastSuccess is { } last && DateTimeOffset.UtcNow - last >= FaultLength, MatrixRig.Timeout);
    }

    private static async Task<SqliteConnection> OpenAsync(MatrixRig rig)
    {
        var connection = new SqliteConnection($"Data Source={rig.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA busy_timeout=10000;");
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
