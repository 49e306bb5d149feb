using Bot.Testing.Postgres;

namespace Bot.Tests.Storage;

/// <summary>The settings that put a core harness on <see cref="TestDatabase"/>. SQLite is named too (an empty value:
/// the harness's own file), so that BRIDGE_TEST_DATABASE=postgres leaves the SQLite variants on SQLite.</summary>
public static class TestDatabaseSettings
{
    public static async Task<Dictionary<string, string?>> ForAsync(TestDatabase database) => new()
    {
        ["ConnectionStrings:Bridge"] = database == TestDatabase.Postgres ? await PostgresServer.CreateDatabaseAsync() : null,
    };
}
