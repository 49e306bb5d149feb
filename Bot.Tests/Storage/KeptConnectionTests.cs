using Bot.Core.Sqlite;
using Bot.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Storage;

/// <summary>SQLite copies its write-ahead log into the database file when the last connection closes; the pool closes
/// idle connections, so the factory keeps one open while the bridge runs.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class KeptConnectionTests
{
    [Fact]
    public async Task PoolClosingItsIdleConnections_DoesNotWriteTheDatabaseFile_UntilTheFactoryIsDisposed()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("kept-").FullName, "bridge.db");
        var factory = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = $"Data Source={path}" }));
        await using (var connection = await factory.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);");
        }

        var written = File.ReadAllBytes(path);
        // What the pool's pruning does to idle connections (this database's pool only: other tests run beside this one).
        using (var pooled = new SqliteConnection(new SqliteConnectionStringBuilder($"Data Source={path}") { Pooling = true }.ToString()))
        {
            SqliteConnection.ClearPool(pooled);
        }

        Assert.Equal(written, File.ReadAllBytes(path));
        factory.Dispose();
        Assert.NotEqual(written.Length, new FileInfo(path).Length); // the last close copied the log into the file
    }
}
