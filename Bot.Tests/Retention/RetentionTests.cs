using Bot.Core.Outbox;
using Bot.Core.Retention;
using Bot.Core.Storage;
using Bot.Core.Translation.Caching;
using Bot.Testing;
using Bot.Tests.Harness;
using Dapper;

namespace Bot.Tests.Retention;

/// <summary>Retention keeps the database bounded: delivered rows after 7 days, dead letters after 30, cached
/// translations unused for 30 (defaults); pending deliveries never. A cache hit is a read.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private CoreHarness harness = null!;

    private WriteRefusingDatabase Database => (WriteRefusingDatabase)harness.Get<IDbConnectionFactory>();

    private TranslationCache Cache => harness.Get<TranslationCache>();

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(CoreHarness.OnSqlite, configure: services =>
    {
        WriteRefusingDatabase.Register(services);
        services.AddRetention();
    });

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Prune_RemovesSettledDeliveriesOlderThanRetention_KeepsYoungerAndPending()
    {
        var oldDone = await EnqueueAsync("done");
        var oldDead = await EnqueueAsync("dead");
        var oldPending = await EnqueueAsync("pending");
        harness.Time.Advance(TimeSpan.FromDays(20));
        var youngDone = await EnqueueAsync("done");
        var youngDead = await EnqueueAsync("dead");
        harness.Time.Advance(TimeSpan.FromDays(11)); // the old ones are 31 days old, the young ones 11

        var report = await harness.Get<DatabasePruner>().PruneAsync(CancellationToken.None);

        Assert.Equal((2, 1), (report.Deleted["delivered outbox rows"], report.Deleted["dead letters"]));
        var left = await IdsAsync("SELECT id FROM outbox");
        Assert.Equal(new[] { oldPending, youngDead }.Order(), left.Order());
        Assert.DoesNotContain(oldDone, left);
        Assert.DoesNotContain(oldDead, left);
        Assert.DoesNotContain(youngDone, left);
    }

    [Fact]
    public async Task Prune_RemovesCachedTranslationsUnusedForThirtyDays_KeepsRecentlyUsed()
    {
        var unused = Key("never asked again");
        var used = Key("asked again later");
        await Cache.StoreAsync(unused, "A", CancellationToken.None);
        await Cache.StoreAsync(used, "B", CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromDays(10));
        Assert.Equal("B", await Cache.FindAsync(used, CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromDays(21));
        var fresh = Key("stored just now");
        await Cache.StoreAsync(fresh, "C", CancellationToken.None);

        var report = await harness.Get<DatabasePruner>().PruneAsync(CancellationToken.None);

        Assert.Equal(1, report.Deleted["unused cached translations"]);
        Assert.Null(await Cache.FindAsync(unused, CancellationToken.None));
        Assert.Equal("B", await Cache.FindAsync(used, CancellationToken.None));
        Assert.Equal("C", await Cache.FindAsync(fresh, CancellationToken.None));
    }

    [Fact]
    public async Task CacheHit_DoesNotWrite()
    {
        var key = Key("Where is my parcel?");
        await Cache.StoreAsync(key, "¿Dónde está mi paquete?", CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromHours(3));
        Database.RefuseWrites = true;

        Assert.Equal("¿Dónde está mi paquete?", await Cache.FindAsync(key, CancellationToken.None));
        Assert.Equal("¿Dónde está mi paquete?", await Cache.FindAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task CacheHit_RecordsItsUseAtMostOnceADay()
    {
        var key = Key("Is it in stock?");
        await Cache.StoreAsync(key, "¿Hay stock?", CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            harness.Time.Advance(TimeSpan.FromHours(2));
            await Cache.FindAsync(key, CancellationToken.None);
        }

        Assert.Equal(0L, await HitsAsync());
        harness.Time.Advance(TimeSpan.FromHours(15));
        await Cache.FindAsync(key, CancellationToken.None);
        await Cache.FindAsync(key, CancellationToken.None);

        Assert.Equal(1L, await HitsAsync());
    }

    private static TranslationCacheKey Key(string text) => TranslationCacheKey.For("fake", "en", "es", text);

    private async Task<long> EnqueueAsync(string status)
    {
        var outbox = harness.Get<IOutboxRepository>();
        await using var session = await DbSession.BeginAsync(Database, CancellationToken.None);
        var id = await outbox.EnqueueAsync(session, new OutboxEntry(OutboxKinds.Notice, "chat:1", Payload: "{}"));
        if (status == "done")
        {
            await outbox.CompleteAsync(session, id);
        }
        else if (status == "dead")
        {
            await outbox.DeadLetterAsync(session, id, 1, "refused");
        }

        await session.CommitAsync(CancellationToken.None);
        return id;
    }

    private async Task<List<long>> IdsAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<long>(sql)).AsList();
    }

    private async Task<long> HitsAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT hits FROM translation_cache");
    }
}
