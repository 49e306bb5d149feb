using Bot.Core.Storage;
using Bot.Testing.Postgres;
using Bot.Tests.Harness;
using Bot.Tests.Storage;

namespace Bot.Tests.Postgres;

/// <summary>Instances that start together on one new PostgreSQL database (docker-compose starts them at once) take turns
/// at the migrations: each script is applied once, and every instance starts.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class ConcurrentMigrationTests : IPostgresVariant
{
    [DbFact]
    public async Task ThreeInstancesStartingTogether_OnANewDatabase_ApplyEachMigrationOnce()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Bridge"] = await PostgresServer.CreateEmptyDatabaseAsync() };

        var harnesses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => CoreHarness.StartAsync(settings))));
        try
        {
            foreach (var harness in harnesses)
            {
                Assert.Equal(0, await harness.Get<IMigrationRunner>().ApplyAsync(CancellationToken.None));
            }
        }
        finally
        {
            foreach (var harness in harnesses)
            {
                await harness.DisposeAsync();
            }
        }
    }
}
