using Bot.Core.Operations.Commands;
using Bot.Core.Routing.Parking;
using Bot.Tests.Harness;
using Bot.Tests.Storage;

namespace Bot.Tests.Routing;

public abstract class ParkedUpdateStoreTests(TestDatabase database) : IAsyncLifetime
{
    private CoreHarness harness = null!;

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(database));

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [DbFact]
    public async Task ParkedUpdate_FailingEveryTry_IsGivenUpOn_KeptForOperators_AndCanBeRetried()
    {
        var store = harness.Get<IParkedUpdateRepository>();
        var id = await store.ParkAsync(100_001, """{"update_id":100001}""", "database is locked", CancellationToken.None);
        Assert.Empty(await store.GetDueAsync(10, CancellationToken.None)); // not due at once: the loop moves on first

        var givenUp = false;
        for (var tries = 0; tries < 20 && !givenUp; tries++)
        {
            harness.Time.Advance(TimeSpan.FromHours(7));
            var due = Assert.Single(await store.GetDueAsync(10, CancellationToken.None));
            givenUp = await store.FailAsync(due, "still locked", CancellationToken.None);
        }

        Assert.True(givenUp);
        harness.Time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await store.GetDueAsync(10, CancellationToken.None));
        var dead = Assert.Single(await store.ListOpenAsync(10, CancellationToken.None));
        Assert.Equal((ParkedUpdateStatus.Dead, ParkingDelays.Delays.Count + 1, "still locked"), (dead.Status, dead.Attempts, dead.LastError));

        Assert.True(await store.RetryDeadAsync(id, CancellationToken.None));
        Assert.Single(await store.GetDueAsync(10, CancellationToken.None));
    }

    [DbFact]
    public async Task UpdatesCommand_ShowsParkedUpdatesWithTheirJsonEscaped()
    {
        var store = harness.Get<IParkedUpdateRepository>();
        await store.ParkAsync(100_002, """{"message":{"text":"<b>hi</b>"}}""", "database is locked", CancellationToken.None);

        var reply = await new UpdatesCommand(store).RunAsync(StaffMessages.Reply(1, 1, "/updates"), "", CancellationToken.None);

        Assert.Contains("(update 100002), 1 attempt,", reply);
        Assert.Contains("database is locked", reply);
        Assert.Contains("&lt;b&gt;hi&lt;/b&gt;", reply);
    }

    public sealed class OnSqlite() : ParkedUpdateStoreTests(TestDatabase.Sqlite);

    [Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
    public sealed class OnPostgres() : ParkedUpdateStoreTests(TestDatabase.Postgres), IPostgresVariant;
}
