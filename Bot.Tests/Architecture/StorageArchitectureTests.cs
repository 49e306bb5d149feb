namespace Bot.Tests.Architecture;

/// <summary>SQL lives in one folder per database: nothing in the core outside <c>Bot.Core.Sqlite</c> uses Dapper,
/// Microsoft.Data.Sqlite or the Sqlite folder itself, so a second database is one sibling folder.</summary>
public sealed class StorageArchitectureTests
{
    private static string CorePath => typeof(Bot.Core.Outbox.OutboxOptions).Assembly.Location;

    [Fact]
    public void OnlyTheSqliteFolder_TalksToTheDatabase()
    {
        var graph = NamespaceGraph.Read(CorePath, "");

        var offenders = graph.Edges
            .Where(e => e.Key.StartsWith("Bot.Core", StringComparison.Ordinal) && !IsSqlite(e.Key))
            .SelectMany(e => e.Value.Where(IsDatabaseSpecific).Select(to => $"{e.Key} -> {to}"))
            .ToList();

        Assert.Contains("Dapper", graph.Edges["Bot.Core.Sqlite"]); // the graph sees what the repositories use
        Assert.Contains("Bot.Core.Outbox", graph.Edges["Bot.Core.Sqlite"]);
        Assert.True(offenders.Count == 0, "Database-specific code outside Bot.Core.Sqlite:\n" + string.Join("\n", offenders));
    }

    private static bool IsSqlite(string name) => name == "Bot.Core.Sqlite" || name.StartsWith("Bot.Core.Sqlite.", StringComparison.Ordinal);

    private static bool IsDatabaseSpecific(string name) =>
        name == "Dapper" || name.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) || name.StartsWith("SQLitePCL", StringComparison.Ordinal) || IsSqlite(name);
}
