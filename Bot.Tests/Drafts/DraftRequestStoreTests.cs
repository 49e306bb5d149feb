using Bot.Core.Conversations;
using Bot.Core.Drafts;
using Bot.Core.Marketplace;
using Bot.Core.Storage;
using Bot.Tests.Harness;
using Bot.Tests.Storage;

namespace Bot.Tests.Drafts;

/// <summary>The stored draft requests and the day's marketplace call count, on SQLite and on PostgreSQL: requests are
/// kept in order up to the queue's capacity and gone when done; the count is kept per day and provider.</summary>
public abstract class DraftRequestStoreTests(TestDatabase database) : IAsyncLifetime
{
    private CoreHarness harness = null!;

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(database));

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [DbFact]
    public async Task DraftRequests_AreKeptInOrderUpToTheCapacity_AndGoneWhenDone()
    {
        var conversation = (await InSessionAsync(s => harness.Get<IConversationRepository>().UpsertAsync(s, "aliexpress", "store", ConversationKind.Order, "o-1", "buyer-1", null, null, null))).Id;
        var requests = harness.Get<IDraftRequestRepository>();
        var first = new DraftRequest(conversation, CoreHarness.StaffChatId, 7, 70, null, "Sam");
        var second = new DraftRequest(conversation, CoreHarness.StaffChatId, null, 71, 12, "Kim");

        var firstId = await InSessionAsync(s => requests.AddAsync(s, first, 2, harness.Time.GetUtcNow()));
        var secondId = await InSessionAsync(s => requests.AddAsync(s, second, 2, harness.Time.GetUtcNow()));
        var refused = await InSessionAsync(s => requests.AddAsync(s, first, 2, harness.Time.GetUtcNow()));

        Assert.NotNull(firstId);
        Assert.NotNull(secondId);
        Assert.Null(refused);
        var pending = await InSessionAsync(s => requests.PendingAsync(s, 10));
        Assert.Equal([new PendingDraft(firstId.Value, first), new PendingDraft(secondId.Value, second)], pending);

        await InSessionAsync(async s => { await requests.DeleteAsync(s, firstId.Value); return 0; });
        Assert.Equal([new PendingDraft(secondId.Value, second)], await InSessionAsync(s => requests.PendingAsync(s, 10)));
    }

    [DbFact]
    public async Task CallCount_IsKeptForTheDay_AndAnotherDaysSaveForgetsTheOldOne()
    {
        var counts = harness.Get<IMarketplaceCallCountRepository>();
        var day = new DateOnly(2026, 11, 26);
        await InSessionAsync(async s => { await counts.SaveAsync(s, "aliexpress", day, 120, harness.Time.GetUtcNow()); return 0; });
        await InSessionAsync(async s => { await counts.SaveAsync(s, "aliexpress", day, 130, harness.Time.GetUtcNow()); return 0; });

        Assert.Equal(130, await InSessionAsync(s => counts.GetAsync(s, "aliexpress", day)));
        Assert.Equal(0, await InSessionAsync(s => counts.GetAsync(s, "wildberries", day)));

        await InSessionAsync(async s => { await counts.SaveAsync(s, "aliexpress", day.AddDays(1), 3, harness.Time.GetUtcNow()); return 0; });
        Assert.Equal(0, await InSessionAsync(s => counts.GetAsync(s, "aliexpress", day)));
        Assert.Equal(3, await InSessionAsync(s => counts.GetAsync(s, "aliexpress", day.AddDays(1))));
    }

    private async Task<T> InSessionAsync<T>(Func<DbSession, Task<T>> work)
    {
        await using var session = await DbSession.BeginAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        var result = await work(session);
        await session.CommitAsync(CancellationToken.None);
        return result;
    }

    public sealed class OnSqlite() : DraftRequestStoreTests(TestDatabase.Sqlite);

    [Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
    public sealed class OnPostgres() : DraftRequestStoreTests(TestDatabase.Postgres), IPostgresVariant;
}
