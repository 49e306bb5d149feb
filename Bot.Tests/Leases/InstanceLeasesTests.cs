using Bot.Core.Leases;
using Bot.Core.Storage;
using Bot.Testing;
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

    /// <param name="time">This instance's clock (the harness's fake one unless told).</param>
    /// <param name="leaseTime">The lease time (15 s unless told).</param>
    protected InstanceLeases Instance(string id, ILeaseRepository? store = null, TimeProvider? time = null, TimeSpan? leaseTime = null) => new(
        store ?? harness.Get<ILeaseRepository>(), Options.Create(new LeaseOptions { Id = id, LeaseTime = leaseTime ?? new LeaseOptions().LeaseTime }),
        harness.Get<IOptions<StorageOptions>>(), time ?? harness.Time, NullLogger<InstanceLeases>.Instance);

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
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

        [DbFact]
        public async Task AHolderNotRenewed_GivesItsWorkUpAMarginBeforeItsEnd_OnItsOwnClock()
        {
            var (a, b) = (Instance("a"), Instance("b"));

            var (taken, lost) = await a.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None);
            Assert.Equal(LeaseAnswer.Held, taken);
            Assert.Equal(LeaseAnswer.HeldByAnother, (await b.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None)).Answer);

            // Not renewed: the holder gives its work up 12 s in (the margin before the 15 s end).
            Harness.Time.Advance(TimeSpan.FromSeconds(11));
            Assert.False(lost.IsCancellationRequested);
            Harness.Time.Advance(TimeSpan.FromSeconds(1));
            Assert.True(lost.IsCancellationRequested);
            Assert.False(a.Holds(LeaseNames.MarketplacePoll));
        }

        [DbFact]
        public async Task ALeaseNotRenewed_PassesToAnotherInstance_OnceItEndedByTheDatabasesClock()
        {
            // a's lease ends a second after it is taken; b's, once b holds it, lasts long enough that a is still refused
            // however slow the machine (with b's lease at 1 s too, a took it back when more than a second passed).
            var a = Instance("a", time: TimeProvider.System, leaseTime: TimeSpan.FromSeconds(1));
            var b = Instance("b", time: TimeProvider.System, leaseTime: TimeSpan.FromMinutes(5));

            Assert.Equal(LeaseAnswer.Held, (await a.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None)).Answer);
            Assert.Equal(LeaseAnswer.HeldByAnother, (await b.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None)).Answer);

            await Eventually.TrueAsync(async () => (await b.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None)).Answer == LeaseAnswer.Held, Timeout);
            Assert.Equal(LeaseAnswer.HeldByAnother, (await a.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None)).Answer);
        }

        [DbFact]
        public async Task InstancesWhoseClocksDifferByMoreThanTheLease_NeverBothHoldThePollersLease()
        {
            // b's clock runs 20 s ahead of the holder's, c's 20 s behind: more than the 15 s lease either way.
            var a = Instance("a");
            var b = Instance("b", time: new OffsetTimeProvider(Harness.Time, TimeSpan.FromSeconds(20)));
            var c = Instance("c", time: new OffsetTimeProvider(Harness.Time, TimeSpan.FromSeconds(-20)));
            var (taken, lost) = await a.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None);
            Assert.Equal(LeaseAnswer.Held, taken);

            for (var second = 0; second <= 60; second += 5)
            {
                Assert.Equal(LeaseAnswer.HeldByAnother, (await b.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None)).Answer);
                Assert.Equal(LeaseAnswer.HeldByAnother, (await c.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None)).Answer);
                Assert.False(await b.TryHoldAsync(LeaseNames.Chat(-1001), CancellationToken.None) && await a.TryHoldAsync(LeaseNames.Chat(-1001), CancellationToken.None));
                Harness.Time.Advance(TimeSpan.FromSeconds(5));
                await a.RenewAsync(CancellationToken.None);
            }

            Assert.False(lost.IsCancellationRequested);
            Assert.Equal("a", Assert.Single(await Harness.Get<ILeaseRepository>().ListLiveAsync(CancellationToken.None), l => l.Name == LeaseNames.MarketplacePoll).Holder);
        }

        [DbFact]
        public async Task AnInstanceWhoseClockIsBehind_TakesALeaseOnceItEndedByTheDatabasesClock_NotWhenItsOwnClockSaysSo()
        {
            var lease = TimeSpan.FromSeconds(1);
            var a = Instance("a", time: TimeProvider.System, leaseTime: lease);
            var late = Instance("late", time: new OffsetTimeProvider(TimeProvider.System, TimeSpan.FromMinutes(-2)), leaseTime: lease);
            Assert.Equal(LeaseAnswer.Held, (await a.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None)).Answer);

            // Before, the late instance waited until its own clock passed the end a's clock had written: two more minutes.
            await Eventually.TrueAsync(async () => (await late.TakeAsync(LeaseNames.MarketplacePoll, CancellationToken.None)).Answer == LeaseAnswer.Held, Timeout);
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
            // a's claim lapses three real seconds after its last renewal; b's, once b holds the chat, outlasts the checks
            // after it however slow the machine.
            var (a, b) = (Instance("a", leaseTime: TimeSpan.FromSeconds(3)), Instance("b", leaseTime: TimeSpan.FromMinutes(5)));
            var chat = LeaseNames.Chat(-1001);

            Assert.True(await a.TryHoldAsync(chat, CancellationToken.None));
            Assert.False(await b.TryHoldAsync(chat, CancellationToken.None));

            // Unused for a minute, the claim is no longer renewed, and lapses (its last renewal ends by the database's
            // clock: a lease time from then, here three real seconds).
            for (var second = 0; second < 90; second += 2)
            {
                Harness.Time.Advance(TimeSpan.FromSeconds(2));
                await a.RenewAsync(CancellationToken.None);
            }

            await Eventually.TrueAsync(async () =>
            {
                Harness.Time.Advance(TimeSpan.FromSeconds(5)); // b asks the database again at most every 5 s
                return await b.TryHoldAsync(chat, CancellationToken.None);
            }, Timeout);
            Assert.False(await a.TryHoldAsync(chat, CancellationToken.None));
        }
    }
}
