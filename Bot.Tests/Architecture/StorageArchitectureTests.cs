namespace Bot.Tests.Architecture;

/// <summary>SQL lives in the storage folders: nothing in the core outside <c>Bot.Core.Sqlite</c> and <c>Bot.Core.Postgres</c>
/// (which serves the same repositories on PostgreSQL) uses Dapper, Microsoft.Data.Sqlite, Npgsql or those folders.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class StorageArchitectureTests
{
    private static string CorePath => typeof(Bot.Core.Outbox.OutboxOptions).Assembly.Location;

    [Fact]
    public void OnlyTheSqliteFolder_TalksToTheDatabase()
    {
        var graph = NamespaceGraph.Read(CorePath, "");

        var offenders = graph.Edges
            .Where(e => e.Key.StartsWith("Bot.Core", StringComparison.Ordinal) && !IsStorage(e.Key))
            .SelectMany(e => e.Value.Where(IsDatabaseSpecific).Select(to => $"{e.Key} -> {to}"))
            .ToList();

        Assert.Contains("Dapper", graph.Edges["Bot.Core.Sqlite"]); // the graph sees what the repositories use
        Assert.Contains("Bot.Core.Outbox", graph.Edges["Bot.Core.Sqlite"]);
        Assert.Contains("Npgsql", graph.Edges["Bot.Core.Postgres"]);
        Assert.True(offenders.Count == 0, "Database-specific code outside Bot.Core.Sqlite and Bot.Core.Postgres:\n" + string.Join("\n", offenders));
    }

    private static bool IsStorage(string name) => IsSqlite(name) || IsPostgres(name);

    private static bool IsPostgres(string name) => name == "Bot.Core.Postgres" || name.StartsWith("Bot.Core.Postgres.", StringComparison.Ordinal);

    private static bool IsSqlite(string name) => name == "Bot.Core.Sqlite" || name.StartsWith("Bot.Core.Sqlite.", StringComparison.Ordinal);

    private static bool IsDatabaseSpecific(string name) =>
        name == "Dapper" || name.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) || name.StartsWith("SQLitePCL", StringComparison.Ordinal)
        || name.StartsWith("Npgsql", StringComparison.Ordinal) || IsStorage(name);
}
