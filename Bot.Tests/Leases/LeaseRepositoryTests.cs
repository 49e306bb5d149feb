using Bot.Core.Leases;
using Bot.Testing;
using Bot.Tests.Harness;
using Bot.Tests.Storage;

namespace Bot.Tests.Leases;

/// <summary>The stored leases on both databases: one holder at a time, renewed by its holder, taken by another only once
/// it ended by the database's clock or was released, and exactly one winner when instances race for it.</summary>
public abstract class LeaseRepositoryTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private CoreHarness harness = null!;

    private ILeaseRepository Leases => harness.Get<ILeaseRepository>();

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(database));

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [DbFact]
    public async Task AFreeLease_IsTaken_EndsALeaseTimeLaterByTheDatabasesClock_AndAnotherHolderIsRefused()
    {
        var before = DateTimeOffset.UtcNow; // the test's database runs on this machine: the same clock
        Assert.True(await TakeAsync("a", Lease));
        var after = DateTimeOffset.UtcNow;

        Assert.False(await TakeAsync("b", Lease));
        var stored = Assert.Single(await Leases.ListAsync(CancellationToken.None));
        Assert.Equal(("poll", "a"), (stored.Name, stored.Holder));
        Assert.InRange(stored.ExpiresAt, before + Lease - TimeSpan.FromSeconds(1), after + Lease + TimeSpan.FromSeconds(1));
    }

    [DbFact]
    public async Task ALeaseThatEnded_IsTakenByAnother()
    {
        Assert.True(await TakeAsync("a", TimeSpan.FromMilliseconds(300)));
        Assert.False(await TakeAsync("b", Lease));

        await Eventually.TrueAsync(() => TakeAsync("b", Lease), Timeout);

        Assert.False(await TakeAsync("a", Lease));
        Assert.Equal("b", Assert.Single(await Leases.ListAsync(CancellationToken.None)).Holder);
    }

    [DbFact]
    public async Task TheHolder_RenewsItsLease_AndTheRenewalMovesItsEnd()
    {
        Assert.True(await TakeAsync("a", TimeSpan.FromMilliseconds(300)));
        var first = Assert.Single(await Leases.ListAsync(CancellationToken.None)).ExpiresAt;

        Assert.True(await TakeAsync("a", TimeSpan.FromMinutes(1)));

        Assert.True(Assert.Single(await Leases.ListAsync(CancellationToken.None)).ExpiresAt >= first + TimeSpan.FromSeconds(59));
        Assert.False(await TakeAsync("b", Lease));
    }

    [DbFact]
    public async Task AReleasedLease_IsTakenAtOnce_AndOnlyItsHolderReleasesIt()
    {
        Assert.True(await TakeAsync("a", Lease));
        await Leases.ReleaseAsync("poll", "b", CancellationToken.None);
        Assert.False(await TakeAsync("b", Lease));

        await Leases.ReleaseAsync("poll", "a", CancellationToken.None);

        Assert.True(await TakeAsync("b", Lease));
    }

    [DbFact]
    public async Task InstancesRacingForAnEndedLease_ExactlyOneGetsIt()
    {
        Assert.True(await TakeAsync("old", TimeSpan.FromSeconds(-1)));

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => TakeAsync($"instance-{i}", Lease))));

        Assert.Single(answers, taken => taken);
        var holder = Assert.Single(await Leases.ListAsync(CancellationToken.None)).Holder;
        Assert.Equal($"instance-{Array.IndexOf(answers, true)}", holder);
    }

    [DbFact]
    public async Task TheLiveLeases_AreThoseNotEndedByTheDatabasesClock_AndAreCountedByPrefix()
    {
        Assert.True(await Leases.TryTakeAsync(LeaseNames.Instance("a"), "a", Lease, CancellationToken.None));
        Assert.True(await Leases.TryTakeAsync(LeaseNames.Instance("b"), "b", TimeSpan.FromSeconds(-1), CancellationToken.None));
        Assert.True(await Leases.TryTakeAsync(LeaseNames.Instance("c"), "c", Lease, CancellationToken.None));
        Assert.True(await Leases.TryTakeAsync(LeaseNames.Chat(-1001), "a", Lease, CancellationToken.None));

        var live = await Leases.ListLiveAsync(CancellationToken.None);

        Assert.Equal([LeaseNames.Chat(-1001), LeaseNames.Instance("a"), LeaseNames.Instance("c")], live.Select(l => l.Name));
        Assert.Equal(2, await Leases.CountLiveAsync(LeaseNames.Instance(""), CancellationToken.None));
        Assert.Equal(1, await Leases.CountLiveAsync("chat:", CancellationToken.None));
    }

    [DbFact]
    public async Task Pruning_DeletesOnlyLeasesThatEndedLongerAgoThanTheCutOff()
    {
        Assert.True(await Leases.TryTakeAsync("chat:1", "a", -TimeSpan.FromHours(2), CancellationToken.None));
        Assert.True(await Leases.TryTakeAsync("chat:2", "a", -TimeSpan.FromMinutes(30), CancellationToken.None));
        Assert.True(await Leases.TryTakeAsync("chat:3", "a", Lease, CancellationToken.None));

        Assert.Equal(1, await Leases.PruneAsync(TimeSpan.FromHours(1), CancellationToken.None));

        Assert.Equal(["chat:2", "chat:3"], (await Leases.ListAsync(CancellationToken.None)).Select(l => l.Name));
    }

    private Task<bool> TakeAsync(string holder, TimeSpan leaseTime) => Leases.TryTakeAsync("poll", holder, leaseTime, CancellationToken.None);

    public sealed class OnSqlite() : LeaseRepositoryTests(TestDatabase.Sqlite);

    [Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
    public sealed class OnPostgres() : LeaseRepositoryTests(TestDatabase.Postgres), IPostgresVariant;
}
