using Bot.Core.Storage;
using Bot.Testing;
using Bot.Testing.Postgres;
using Bot.Tests.Harness;
using Bot.Tests.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bot.Tests.Postgres;

/// <summary>Every shipped migration, written once, gives PostgreSQL the same tables and columns as SQLite, with the
/// types that hold the same values (64-bit integers, text), and running them again applies nothing.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class MigrationsOnPostgresTests : IPostgresVariant
{
    [DbFact]
    public async Task EveryMigration_GivesPostgresTheSameTablesAndColumns_AsSqlite()
    {
        await using var sqlite = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(TestDatabase.Sqlite));
        await using var postgres = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(TestDatabase.Postgres));

        var sqliteColumns = await SqliteColumnsAsync(sqlite);
        var postgresColumns = await PostgresColumnsAsync(postgres);

        Assert.True(sqliteColumns.Count > 100, $"only {sqliteColumns.Count} columns read from SQLite");
        Assert.Equal(sqliteColumns.Select(c => c.Name), postgresColumns.Select(c => c.Name));
        Assert.All(postgresColumns.Zip(sqliteColumns), pair => Assert.Equal(Expected(pair.Second.Type), pair.First.Type));
        Assert.Equal(0, await postgres.Get<IMigrationRunner>().ApplyAsync(CancellationToken.None));
    }

    [DbFact]
    public async Task EveryMigration_OnAStoresSchema_MakesTheSchema_AndGivesItTheSameTables_LeavingPublicEmpty()
    {
        await using var sqlite = await CoreHarness.StartAsync(await TestDatabaseSettings.ForAsync(TestDatabase.Sqlite));
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Bridge"] = await PostgresServer.CreateEmptyDatabaseAsync(),
            ["Store:Id"] = "Shop-A", // its schema: shop_a
        };
        await using var postgres = await CoreHarness.StartAsync(settings);

        var sqliteColumns = await SqliteColumnsAsync(sqlite);
        var storeColumns = await PostgresColumnsAsync(postgres, "shop_a");

        Assert.Equal(sqliteColumns.Select(c => c.Name), storeColumns.Select(c => c.Name));
        Assert.All(storeColumns.Zip(sqliteColumns), pair => Assert.Equal(Expected(pair.Second.Type), pair.First.Type));
        Assert.Empty(await PostgresColumnsAsync(postgres, "public"));
        Assert.Equal(0, await postgres.Get<IMigrationRunner>().ApplyAsync(CancellationToken.None));
    }

    [DbFact]
    public async Task TestServer_StartsOnce_AndEachTestGetsItsOwnDatabase()
    {
        var first = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync());
        var second = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync());

        Assert.Equal((first.Host, first.Port), (second.Host, second.Port));
        Assert.NotEqual(first.Database, second.Database);
        Assert.True(PostgresServer.StartTime > TimeSpan.Zero);
    }

    private static string Expected(string sqliteType) => sqliteType switch
    {
        "INTEGER" => "bigint",
        "TEXT" => "text",
        _ => "unexpected SQLite type " + sqliteType,
    };

    private static async Task<List<(string Name, string Type)>> SqliteColumnsAsync(CoreHarness harness)
    {
        await using var connection = new SqliteConnection($"Data Source={harness.DatabasePath}");
        await connection.OpenAsync();
        var rows = await connection.QueryAsync<(string Table, string Column, string Type)>(
            """
            SELECT m.name, p.name, p.type FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            """);
        return rows.Select(r => ($"{r.Table}.{r.Column}", r.Type.ToUpperInvariant())).OrderBy(c => c.Item1, StringComparer.Ordinal).ToList();
    }

    private static async Task<List<(string Name, string Type)>> PostgresColumnsAsync(CoreHarness harness, string schema = "public")
    {
        await using var connection = await harness.Get<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string Table, string Column, string Type)>(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = @schema", new { schema });
        return rows.Select(r => ($"{r.Table}.{r.Column}", r.Type)).OrderBy(c => c.Item1, StringComparer.Ordinal).ToList();
    }
}
