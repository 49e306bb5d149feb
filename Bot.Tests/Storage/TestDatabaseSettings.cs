using Bot.Testing.Postgres;

namespace Bot.Tests.Storage;

/// <summary>The settings that put a core harness on <see cref="TestDatabase"/>.</summary>
public static class TestDatabaseSettings
{
    public static async Task<Dictionary<string, string?>> ForAsync(TestDatabase database) =>
        database == TestDatabase.Postgres
            ? new() { ["ConnectionStrings:Bridge"] = await PostgresServer.CreateDatabaseAsync() }
            : [];
}
