using Bot.Core.Leases;
using Bot.Tests.Harness;
using Bot.Tests.Storage;

namespace Bot.Tests.Leases;

/// <summary>The stored leases on both databases: one holder at a time, renewed by its holder, taken by another only once
/// it expired or was released, and exactly one winner when instances race for it.</summary>
public abstract class LeaseRepositoryTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
    private CoreHarness harness = null!;

    private ILeaseRepository Leases => harness.Get<ILeaseRepository>();

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(database));

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [DbFact]
    public async Task AFreeLease_IsTaken_AndAnotherHolderIsRefused_UntilItExpires()
    {
        Assert.True(await TakeAsync("a", Now));

        Assert.False(await TakeAsync("b", Now + TimeSpan.FromSeconds(14)));
        Assert.True(await TakeAsync("b", Now + Lease));
        Assert.False(await TakeAsync("a", Now + Lease + TimeSpan.FromSeconds(1)));
        var stored = Assert.Single(await Leases.ListAsync(CancellationToken.None));
        Assert.Equal(("poll", "b", Now + Lease + Lease), (stored.Name, stored.Holder, stored.ExpiresAt));
    }

    [DbFact]
    public async Task TheHolder_RenewsItsLease_AndTheRenewalMovesItsEnd()
    {
        Assert.True(await TakeAsync("a", Now));
        Assert.True(await TakeAsync("a", Now + TimeSpan.FromSeconds(10)));

        Assert.False(await TakeAsync("b", Now + Lease));
        Assert.True(await TakeAsync("b", Now + TimeSpan.FromSeconds(25)));
    }

    [DbFact]
    public async Task AReleasedLease_IsTakenAtOnce_AndOnlyItsHolderReleasesIt()
    {
        Assert.True(await TakeAsync("a", Now));
        await Leases.ReleaseAsync("poll", "b", CancellationToken.None);
        Assert.False(await TakeAsync("b", Now));

        await Leases.ReleaseAsync("poll", "a", CancellationToken.None);

        Assert.True(await TakeAsync("b", Now));
    }

    [DbFact]
    public async Task InstancesRacingForAnExpiredLease_ExactlyOneGetsIt()
    {
        Assert.True(await TakeAsync("old", Now));
        var later = Now + Lease;

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => TakeAsync($"instance-{i}", later))));

        Assert.Single(answers, taken => taken);
        var holder = Assert.Single(await Leases.ListAsync(CancellationToken.None)).Holder;
        Assert.Equal($"instance-{Array.IndexOf(answers, true)}", holder);
    }

    [DbFact]
    public async Task Pruning_DeletesOnlyLeasesThatEndedBeforeTheCutOff()
    {
        Assert.True(await Leases.TryTakeAsync("chat:1", "a", Now, Now + Lease, CancellationToken.None));
        Assert.True(await Leases.TryTakeAsync("chat:2", "a", Now, Now + TimeSpan.FromHours(2), CancellationToken.None));

        Assert.Equal(1, await Leases.PruneAsync(Now + TimeSpan.FromHours(1), CancellationToken.None));

        Assert.Equal("chat:2", Assert.Single(await Leases.ListAsync(CancellationToken.None)).Name);
    }

    private Task<bool> TakeAsync(string holder, DateTimeOffset at) => Leases.TryTakeAsync("poll", holder, at, at + Lease, CancellationToken.None);

    public sealed class OnSqlite() : LeaseRepositoryTests(TestDatabase.Sqlite);

    [Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
    public sealed class OnPostgres() : LeaseRepositoryTests(TestDatabase.Postgres), IPostgresVariant;
}
