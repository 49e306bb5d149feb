using Bot.Core.Outbox;
using Bot.Core.Storage;
using Bot.Tests.Harness;
using Bot.Tests.Storage;

namespace Bot.Tests.Outbox;

/// <summary>The dispatcher finds each lane's first pending item through the stored lane heads (migration 0022), which
/// every write that enqueues, completes, reschedules, dead-letters or revives an item keeps in the same transaction:
/// a lane's order holds, a batch completes every item it names, and a write that never commits moves nothing.</summary>
public abstract class LaneHeadsTests(TestDatabase database) : IAsyncLifetime
{
    private CoreHarness harness = null!;

    private IOutboxRepository Outbox => harness.Get<IOutboxRepository>();

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(database));

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [DbFact]
    public async Task DueHeads_AreEachLanesFirstPendingItem_AsItemsAreCompletedAndDeadLettered()
    {
        var (a1, a2, a3) = (await EnqueueAsync("lane-a"), await EnqueueAsync("lane-a"), await EnqueueAsync("lane-a"));
        var b1 = await EnqueueAsync("lane-b");
        Assert.Equal([a1, b1], await HeadsAsync());

        await InSessionAsync(s => Outbox.CompleteAsync(s, a1));
        Assert.Equal([a2, b1], await HeadsAsync());

        await InSessionAsync(s => Outbox.DeadLetterAsync(s, a2, 3, "refused"));
        Assert.Equal([a3, b1], await HeadsAsync());

        await InSessionAsync(s => Outbox.CompleteAsync(s, [a3, b1]));
        Assert.Empty(await HeadsAsync());
        Assert.Null(await Outbox.GetNextDueAsync(CancellationToken.None));
    }

    [DbFact]
    public async Task BatchedCompletion_StoresEveryItemItNames_AndTheLaneGoesOnWithTheNextOne()
    {
        var items = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            items.Add(await EnqueueAsync("lane-a"));
        }

        var other = await EnqueueAsync("lane-b");
        await InSessionAsync(s => Outbox.CompleteAsync(s, items.Take(3).ToList()));

        var done = await Outbox.ListAsync(OutboxStatus.Done, 10, CancellationToken.None);
        Assert.Equal(items.Take(3).Order(), done.Select(i => i.Id).Order());
        Assert.Equal([items[3], other], await HeadsAsync());
        Assert.Equal([items[3], items[4]], (await Outbox.GetDueInLaneAsync("lane-a", 10, CancellationToken.None)).Select(i => i.Id));
    }

    [DbFact]
    public async Task CompletionThatNeverCommits_LeavesEveryItemPending_AndTheHeadWhereItWas()
    {
        var (a1, a2) = (await EnqueueAsync("lane-a"), await EnqueueAsync("lane-a"));

        // As a crash between the batch's steps: the status is written, the heads move, and the transaction ends unfinished.
        await using (var session = await DbSession.BeginAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None))
        {
            await Outbox.CompleteAsync(session, [a1, a2]);
        }

        Assert.Equal([a1], await HeadsAsync());
        Assert.Equal(2, (await Outbox.ListAsync(OutboxStatus.Pending, 10, CancellationToken.None)).Count);
    }

    [DbFact]
    public async Task RescheduledHead_HoldsItsLaneUntilItIsDue_AndNextDueSaysWhen()
    {
        var (a1, _) = (await EnqueueAsync("lane-a"), await EnqueueAsync("lane-a"));
        var due = harness.Time.GetUtcNow().AddMinutes(5);

        await Outbox.RescheduleAsync(a1, 1, due, "busy", harness.Time.GetUtcNow(), CancellationToken.None);

        Assert.Empty(await HeadsAsync());
        Assert.Equal(due, await Outbox.GetNextDueAsync(CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal([a1], await HeadsAsync());
    }

    [DbFact]
    public async Task RetriedDeadLetter_GoesBackAheadOfTheItemsThatFollowedIt()
    {
        var (a1, a2) = (await EnqueueAsync("lane-a"), await EnqueueAsync("lane-a"));
        await InSessionAsync(s => Outbox.DeadLetterAsync(s, a1, 3, "refused"));
        Assert.Equal([a2], await HeadsAsync());

        Assert.True(await Outbox.RetryDeadAsync(a1, CancellationToken.None));

        Assert.Equal([a1], await HeadsAsync());
    }

    private async Task<long> EnqueueAsync(string lane)
    {
        long id = 0;
        await InSessionAsync(async s => id = await Outbox.EnqueueAsync(s, new OutboxEntry("probe", lane)));
        return id;
    }

    private async Task<List<long>> HeadsAsync() => (await Outbox.GetDueHeadsAsync(100, CancellationToken.None)).Select(i => i.Id).ToList();

    private async Task InSessionAsync(Func<DbSession, Task> work)
    {
        await using var session = await DbSession.BeginAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None);
        await work(session);
        await session.CommitAsync(CancellationToken.None);
    }

    public sealed class OnSqlite() : LaneHeadsTests(TestDatabase.Sqlite);

    [Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
    public sealed class OnPostgres() : LaneHeadsTests(TestDatabase.Postgres), IPostgresVariant;
}
