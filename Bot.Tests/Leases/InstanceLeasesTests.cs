using Bot.Core.Leases;
using Bot.Core.Storage;
using Bot.Tests.Harness;
using Bot.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Leases;

/// <summary>Two instances' leases on one database: one holds, the other waits; a holder stops the leased work before
/// its lease can pass on (not renewed, or its renewal failed); and on SQLite every lease is the instance's without a write.</summary>
public abstract class InstanceLeasesTests(TestDatabase database) : IAsyncLifetime
{
    private CoreHarness harness = null!;

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(database));

    public async Task DisposeAsync() => await harness.DisposeAsync();

    protected CoreHarness Harness => harness;

    protected InstanceLeases Instance(string id, ILeaseRepository? store = null) => new(
        store ?? harness.Get<ILeaseRepository>(), Options.Create(new LeaseOptions { Id = id }), harness.Get<IOptions<StorageOptions>>(),
        harness.Time, NullLogger<InstanceLeases>.Instance);

    public sealed class OnSqlite() : InstanceLeasesTests(TestDatabase.Sqlite)
    {
        [DbFact]
        public async Task OnSqlite_EveryLeaseIsTheInstances_AndNothingIsWritten()
        {
            var leases = Instance("a");

            var (answer, lost) = await leases.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None);
            Assert.True(await leases.TryHoldAsync(LeaseNames.Chat(-100), CancellationToken.None));
            await leases.RenewAsync(CancellationToken.None);

            Assert.Equal(LeaseAnswer.Held, answer);
            Assert.False(lost.CanBeCanceled);
            Assert.Empty(await Harness.Get<ILeaseRepository>().ListAsync(CancellationToken.None));
            Assert.Null(await leases.OverviewAsync(CancellationToken.None)); // /status shows no instances line
        }
    }

    [Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
    public sealed class OnPostgres() : InstanceLeasesTests(TestDatabase.Postgres), IPostgresVariant
    {
        [DbFact]
        public async Task OneInstanceHoldsALease_TheOtherTakesItOnlyAfterTheHolderStopped_AndItLapsed()
        {
            var (a, b) = (Instance("a"), Instance("b"));

            var (taken, lost) = await a.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None);
            Assert.Equal(LeaseAnswer.Held, taken);
            Assert.Equal(LeaseAnswer.HeldByAnother, (await b.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None)).Answer);

            // Not renewed: the holder gives its work up 12 s in (the margin before the 15 s end), the other takes it at 15 s.
            Harness.Time.Advance(TimeSpan.FromSeconds(12));
            Assert.True(lost.IsCancellationRequested);
            Harness.Time.Advance(TimeSpan.FromSeconds(2));
            Assert.Equal(LeaseAnswer.HeldByAnother, (await b.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None)).Answer);
            Harness.Time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(LeaseAnswer.Held, (await b.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None)).Answer);
        }

        [DbFact]
        public async Task AHolderThatRenews_KeepsItsLease_AndItsWorkGoesOn()
        {
            var (a, b) = (Instance("a"), Instance("b"));
            var (_, lost) = await a.TakeAsync(LeaseNames.TelegramUpdates, CancellationToken.None);

            for (var second = 5; second <= 60; second += 5)
            {
                Harness.Time.Advance(TimeSpan.FromSeconds(5));
                await a.RenewAsync(CancellationToken.None);
                Assert.Equal(LeaseAnswer.HeldByAnother, (await b.TakeAsync(LeaseNames.TelegramUpdates, CancellationToken.None)).Answer);
            }

            Assert.False(lost.IsCancellationRequested);
        }

        [DbFact]
        public async Task AHolderWhoseRenewalFails_StopsItsWorkAtOnce()
        {
            var store = new FailingLeaseRepository(Harness.Get<ILeaseRepository>());
            var a = Instance("a", store);
            var (_, lost) = await a.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None);

            store.Failing = true;
            Harness.Time.Advance(TimeSpan.FromSeconds(5));
            await a.RenewAsync(CancellationToken.None);

            Assert.True(lost.IsCancellationRequested);
            Assert.False(await a.TryHoldAsync(LeaseNames.Chat(-100), CancellationToken.None));
        }

        [DbFact]
        public async Task TheOverview_ListsTheLiveInstances_AndWhoPollsAndReceives()
        {
            var (a, b) = (Instance("a"), Instance("b"));
            await a.TakeAsync(LeaseNames.Instance("a"), CancellationToken.None);
            await b.TakeAsync(LeaseNames.Instance("b"), CancellationToken.None);
            await a.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None);
            await b.TakeAsync(LeaseNames.TelegramUpdates, CancellationToken.None);
            Assert.True(await a.TryHoldAsync(LeaseNames.Chat(-1001), CancellationToken.None));

            var overview = await b.OverviewAsync(CancellationToken.None);

            Assert.NotNull(overview);
            Assert.Equal("b", overview.InstanceId);
            Assert.Equal(["a", "b"], overview.Instances);
            Assert.Equal(new Dictionary<string, string> { [LeaseNames.MarketplacePoll] = "a", [LeaseNames.TelegramUpdates] = "b" }, overview.Holders);
            Assert.True(a.Holds(LeaseNames.MarketplacePoll));
        }

        [DbFact]
        public async Task AStoppingInstance_ReleasesItsClaims_AndKeepsItsPollersLeases_ForItsPollersToRelease()
        {
            var (a, b) = (Instance("a"), Instance("b"));
            Assert.True(await a.TryHoldAsync(LeaseNames.Chat(-1001), CancellationToken.None));
            await a.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None);

            await a.ReleaseClaimsAsync(CancellationToken.None);

            Assert.True(await b.TryHoldAsync(LeaseNames.Chat(-1001), CancellationToken.None));
            Assert.Equal(LeaseAnswer.HeldByAnother, (await b.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None)).Answer);
        }

        [DbFact]
        public async Task AChatClaimedByOneInstance_IsRefusedToTheOther_UntilItLapsesUnused()
        {
            var (a, b) = (Instance("a"), Instance("b"));
            var chat = LeaseNames.Chat(-1001);

            Assert.True(await a.TryHoldAsync(chat, CancellationToken.None));
            Assert.False(await b.TryHoldAsync(chat, CancellationToken.None));

            // Unused for a minute, the claim is no longer renewed, and lapses.
            for (var second = 0; second < 90; second += 5)
            {
                Harness.Time.Advance(TimeSpan.FromSeconds(5));
                await a.RenewAsync(CancellationToken.None);
            }

            Assert.True(await b.TryHoldAsync(chat, CancellationToken.None));
            Assert.False(await a.TryHoldAsync(chat, CancellationToken.None));
        }
    }
}
