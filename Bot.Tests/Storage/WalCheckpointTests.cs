using Bot.Core.Sqlite;
using Bot.Core.Storage;
using Bot.Testing;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Storage;

/// <summary>The write-ahead log is copied into the database file by a checkpoint in the background, once the writer's
/// turns have logged SQLite's usual 1,000 pages, instead of by the commit that crosses the mark (which would hold the
/// writer's turn through the copy and its fsyncs). A connection's own automatic checkpoint is only a backstop at ten
/// times the mark, so pages found in the file before that many were written were copied by the background.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class WalCheckpointTests : IDisposable
{
    private const int RowBytes = 3000;

    private readonly string directory = Directory.CreateTempSubdirectory("checkpoint-").FullName;
    private readonly SqliteConnectionFactory factory;

    public WalCheckpointTests() =>
        factory = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = $"Data Source={Database}" }));

    private string Database => Path.Combine(directory, "bridge.db");

    public void Dispose()
    {
        factory.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task PagesLoggedPastTheMark_AreCopiedIntoTheFile_ByABackgroundCheckpoint()
    {
        await CreateTableAsync();
        var empty = new FileInfo(Database).Length;
        // The writer's commits leave the copy to the background until the backstop.
        await using (var session = await DbSession.BeginAsync(factory, CancellationToken.None))
        {
            await using var pragma = session.Connection.CreateCommand();
            pragma.Transaction = session.Transaction;
            pragma.CommandText = "PRAGMA wal_autocheckpoint";
            Assert.Equal((long)SqliteConnectionFactory.BackstopCheckpointPages, await pragma.ExecuteScalarAsync());
        }

        // About 1,500 pages through the writer's turn: past the mark, far below the backstop.
        await WriteAsync(transactions: 150, rowsEach: 10);

        await Eventually.TrueAsync(() => factory.Checkpoints.Run >= 1, TimeSpan.FromSeconds(30));
        Assert.Equal(0, factory.Checkpoints.Failed);
        Assert.InRange(factory.PagesLogged, SqliteConnectionFactory.CheckpointPages, 3 * 1500);
        // It copied what was logged when it started: 1,000 frames, fewer distinct pages (each commit logs the table's
        // upper pages again). Without it nothing would be in the file before the backstop's 10,000.
        await Eventually.TrueAsync(
            () => Task.FromResult(new FileInfo(Database).Length - empty >= SqliteConnectionFactory.CheckpointPages / 2 * 4096L), TimeSpan.FromSeconds(30),
            () => $"file {new FileInfo(Database).Length} bytes, empty {empty}, log {new FileInfo(Database + "-wal").Length}, checkpoints {factory.Checkpoints}");
        Assert.True(1500 < SqliteConnectionFactory.BackstopCheckpointPages, "the writes stay below the backstop");
    }

    [Fact]
    public async Task PagesBelowTheMark_AreLeftInTheLog_SoAQuietBridgeDoesNotTouchTheFile()
    {
        await CreateTableAsync();
        var before = File.ReadAllBytes(Database);

        await WriteAsync(transactions: 20, rowsEach: 2);
        // Another writer's turn after them: had a checkpoint been started, its count would show by the time a later
        // turn ends (it is started as the turn that crosses the mark ends).
        await WriteAsync(transactions: 1, rowsEach: 1);

        Assert.Equal((0L, 0L), factory.Checkpoints);
        Assert.InRange(factory.PagesLogged, 41, SqliteConnectionFactory.CheckpointPages - 1);
        Assert.Equal(before, File.ReadAllBytes(Database));
        Assert.True(new FileInfo(Database + "-wal").Length > 40 * RowBytes, "the writes are in the log");
    }

    /// <summary>What a savepoint may have to roll back is kept in memory: past SQLite's 64 KiB it used to spill into a
    /// temporary file (opened and at once unlinked, so only the process's open files show it), at two writes a page,
    /// inside the writer's turn.</summary>
    [Fact]
    public async Task PagesASavepointMayRollBack_StayInMemory_WithoutATemporaryFile()
    {
        await CreateTableAsync();
        await WriteAsync(transactions: 1, rowsEach: 60);
        await using var session = await DbSession.BeginAsync(factory, CancellationToken.None);
        await session.Transaction.SaveAsync("completion");
        await using (var update = session.Connection.CreateCommand())
        {
            update.Transaction = session.Transaction;
            // Each of the 60 rows' pages changed under the savepoint: about 240 KiB of pages to keep for its rollback.
            update.CommandText = $"UPDATE filler SET body = randomblob({RowBytes})";
            Assert.Equal(60, await update.ExecuteNonQueryAsync());
        }

        var temporary = TemporaryFiles();
        await session.Transaction.ReleaseAsync("completion");
        await session.CommitAsync(CancellationToken.None);

        Assert.Empty(temporary);
    }

    /// <summary>The temporary files SQLite holds open in this process (named etilqs_…, deleted once opened).</summary>
    private static List<string> TemporaryFiles() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Select(fd => fd.LinkTarget ?? "")
            .Where(target => target.Contains("etilqs_", StringComparison.Ordinal))
            .ToList();

    private async Task CreateTableAsync()
    {
        await using var session = await DbSession.BeginAsync(factory, CancellationToken.None);
        await using var create = session.Connection.CreateCommand();
        create.Transaction = session.Transaction;
        create.CommandText = "CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB NOT NULL)";
        await create.ExecuteNonQueryAsync();
        await session.CommitAsync(CancellationToken.None);
    }

    private async Task WriteAsync(int transactions, int rowsEach)
    {
        for (var t = 0; t < transactions; t++)
        {
            await using var session = await DbSession.BeginAsync(factory, CancellationToken.None);
            for (var r = 0; r < rowsEach; r++)
            {
                await using var insert = session.Connection.CreateCommand();
                insert.Transaction = session.Transaction;
                insert.CommandText = $"INSERT INTO filler (body) VALUES (randomblob({RowBytes}))";
                await insert.ExecuteNonQueryAsync();
            }

            await session.CommitAsync(CancellationToken.None);
        }
    }
}
