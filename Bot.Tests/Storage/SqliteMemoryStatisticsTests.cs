using Bot.Core.Sqlite;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Storage;

/// <summary>SQLite keeps no memory statistics in the bridge's process: kept, they would put one process-wide lock around
/// every allocation SQLite makes, taken in turn by the writer and every reader.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class SqliteMemoryStatisticsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("memstatus-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task AfterTheFactoryWritesAndReads_SqliteHasCountedNoMemory()
    {
        using (var factory = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(directory, "bridge.db")}" })))
        {
            await using (var session = await DbSession.BeginAsync(factory, CancellationToken.None))
            {
                await using var command = session.Connection.CreateCommand();
                command.Transaction = session.Transaction;
                command.CommandText = "CREATE TABLE blobs (data BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO blobs SELECT randomblob(4000) FROM n";
                await command.ExecuteNonQueryAsync();
                await session.CommitAsync(CancellationToken.None);
            }

            await using var reader = await factory.OpenAsync(CancellationToken.None);
            await using var count = reader.CreateCommand();
            count.CommandText = "SELECT SUM(LENGTH(data)) FROM blobs";
            Assert.Equal(800_000L, await count.ExecuteScalarAsync());

            // With statistics kept, the open connections' page caches alone count hundreds of kilobytes here.
            Assert.True(SqliteConnectionFactory.MemoryStatisticsOff);
            Assert.Equal(0, SQLitePCL.raw.sqlite3_memory_used());
            Assert.Equal(0, SQLitePCL.raw.sqlite3_memory_highwater(0));
        }
    }
}
