using Bot.Core.Storage;
using Bot.Tests.Harness;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Storage;

/// <summary>Writers of one process queue for SQLite's write lock in the process (woken as soon as the writer before them
/// ends) instead of in SQLite's busy handler, which polls with sleeps; a writer that waits on itself still fails after
/// the busy timeout rather than hanging.</summary>
public sealed class WriterTurnTests
{
    [Fact]
    public async Task SecondWriter_WaitsForTheFirstOnesTurn_AndBeginsWhenItEnds()
    {
        await using var harness = await CoreHarness.StartAsync(CoreHarness.OnSqlite);
        var connections = harness.Get<IDbConnectionFactory>();
        var first = await DbSession.BeginAsync(connections, CancellationToken.None);

        var second = DbSession.BeginAsync(connections, CancellationToken.None);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await using var begun = await second.WaitAsync(TimeSpan.FromSeconds(10));
        await begun.CommitAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CachedTranslation_IsStoredInTheWritersTurn_QueuedBehindAWriter_NotInSqlitesBusyHandler()
    {
        await using var harness = await CoreHarness.StartAsync(CoreHarness.OnSqlite);
        var connections = harness.Get<IDbConnectionFactory>();
        var cache = harness.Get<Bot.Core.Translation.Caching.ITranslationCacheRepository>();
        var key = Bot.Core.Translation.Caching.TranslationCacheKey.For("fake", "es", "en", "¿Dónde está mi pedido?");
        var writer = await DbSession.BeginAsync(connections, CancellationToken.None);
        await writer.Connection.ExecuteAsync("INSERT INTO cursors (name, value, updated_at) VALUES ('held', 'x', 'now')", transaction: writer.Transaction);

        // Queued for the turn: the call returns at once, pending (on a reader's connection it would block in SQLite's
        // busy handler until the busy timeout and fail with "database is locked").
        var store = cache.StoreAsync(key, "Where is my order?", DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.False(store.IsCompleted);

        await writer.CommitAsync(CancellationToken.None);
        await writer.DisposeAsync();
        await store.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Where is my order?", (await cache.FindAsync(key, CancellationToken.None)).Translation);
    }

    [Fact]
    public async Task RetentionsPrunes_RunInTheWritersTurn_QueuedBehindAWriter_NotInSqlitesBusyHandler()
    {
        // A busy timeout short enough that a prune stuck in SQLite's busy handler fails the test in seconds.
        await using var harness = await CoreHarness.StartAsync(
            CoreHarness.OnSqlite, configure: s => s.Configure<StorageOptions>(o => o.BusyTimeout = TimeSpan.FromSeconds(3)));
        var connections = harness.Get<IDbConnectionFactory>();
        var targets = harness.Get<IEnumerable<Bot.Core.Retention.IRetentionTarget>>().ToList();
        Assert.True(targets.Count >= 8, $"every retention target: {string.Join(", ", targets.Select(t => t.What))}");
        var writer = await DbSession.BeginAsync(connections, CancellationToken.None);
        await writer.Connection.ExecuteAsync("INSERT INTO cursors (name, value, updated_at) VALUES ('held', 'x', 'now')", transaction: writer.Transaction);

        // Each is queued for the turn and returns at once, pending; on a reader's connection it would block in SQLite's
        // busy handler while the writer holds the lock, and fail with "database is locked".
        var prunes = targets.Select(t => (t.What, Pruned: t.PruneAsync(DateTimeOffset.UtcNow, 100, CancellationToken.None))).ToList();
        Assert.All(prunes, p => Assert.False(p.Pruned.IsCompleted, $"{p.What}: pruned outside the writer's turn"));

        await writer.CommitAsync(CancellationToken.None);
        await writer.DisposeAsync();
        await Task.WhenAll(prunes.Select(p => p.Pruned)).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task TurnNotGivenWithinTheBusyTimeout_GoesOnWithoutIt_SoAWriterWaitingOnItselfDoesNotHang()
    {
        await using var harness = await CoreHarness.StartAsync(
            CoreHarness.OnSqlite, configure: s => s.Configure<StorageOptions>(o => o.BusyTimeout = TimeSpan.FromMilliseconds(200)));
        var connections = harness.Get<IDbConnectionFactory>();
        using var held = await connections.WriterTurnAsync(CancellationToken.None);

        // Left to SQLite's lock, as before writers queued in the process: it answers SQLITE_BUSY to a writer that
        // waits on itself.
        var late = await connections.WriterTurnAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(held);
        Assert.Null(late);
    }

    [Fact]
    public async Task WriterConnectionLeftInsideATransaction_IsReplaced_SoTheNextWriterBegins()
    {
        await using var harness = await CoreHarness.StartAsync(CoreHarness.OnSqlite);
        var connections = harness.Get<IDbConnectionFactory>();
        using (var turn = await connections.WriterTurnAsync(CancellationToken.None))
        {
            await turn!.Connection!.ExecuteAsync("BEGIN IMMEDIATE");
        }

        await using var session = await DbSession.BeginAsync(connections, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await session.CommitAsync(CancellationToken.None);
    }
}
