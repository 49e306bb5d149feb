using Bot.Core.Postgres;
using Bot.Core.Storage;

namespace Bot.Tests.Postgres;

/// <summary>The connection string chooses the database: a server (Host=, Server=, a postgres:// URL) is PostgreSQL,
/// anything else the SQLite file it has always been.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class PostgresConnectionStringTests
{
    [Theory]
    [InlineData("Data Source=bridge.db", false)]
    [InlineData("Data Source=/var/lib/bridge/bridge.db;Cache=Shared", false)]
    [InlineData("Host=db;Database=bridge;Username=bridge", true)]
    [InlineData("Server=db; Database=bridge", true)]
    [InlineData("postgres://bridge:pw@db:5433/bridge", true)]
    [InlineData("postgresql://db/bridge", true)]
    public void ConnectionString_ChoosesTheDatabase(string connectionString, bool postgres)
    {
        Assert.Equal(postgres, new StorageOptions { ConnectionString = connectionString }.UsesPostgres);
    }

    [Fact]
    public void Url_BecomesNpgsqlKeywords()
    {
        var builder = PostgresConnectionString.Parse("postgres://bridge:p%40ss@db.example:5433/bridge_prod?sslmode=require");

        Assert.Equal(("db.example", 5433, "bridge_prod", "bridge", "p@ss"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
    }

    [Fact]
    public void UnreadableConnectionString_IsOneSentence_WithoutThePassword()
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresConnectionString.Parse("Host=db;Password=hunter2;Colour=blue"));

        Assert.StartsWith("ConnectionStrings__Bridge is not a PostgreSQL connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
