using System.Text.RegularExpressions;

namespace Bot.Core.Storage;

public sealed partial class StorageOptions
{
    /// <summary>From <c>ConnectionStrings:Bridge</c>: a Microsoft.Data.Sqlite connection string (<c>Data Source=bridge.db</c>),
    /// or a PostgreSQL one (<c>Host=...;Database=...</c> or a <c>postgres://</c> URL).</summary>
    public string ConnectionString { get; set; } = "Data Source=bridge.db";

    /// <summary>The PostgreSQL schema that holds this store's tables (<c>Storage__Schema</c>), created by the migrations
    /// when missing; empty: the one named after <c>Store__Id</c> (<see cref="StoreOptions.SchemaOf"/>), or, for the
    /// default store, the connection's own (<c>public</c>). Ignored on SQLite, where each store has its own file.</summary>
    public string Schema { get; set; } = "";

    /// <summary><c>Storage__Schema</c>, or the schema named after <c>Store__Id</c>.</summary>
    public static string SchemaIn(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        configuration["Storage:Schema"] ?? StoreOptions.SchemaOf(configuration["Store:Id"]);

    /// <summary>Whether <see cref="Schema"/> is a name PostgreSQL takes without quoting: lower-case letters, digits and '_'.</summary>
    public bool SchemaIsValid => IsSchemaName(Schema);

    public static bool IsSchemaName(string schema) => schema.Length == 0 || SchemaName().IsMatch(schema);

    /// <summary>How long a writer waits for another writer's lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether the connection string names a PostgreSQL server (a URL, or a Host or Server keyword) rather than
    /// a SQLite file.</summary>
    public bool UsesPostgres =>
        ConnectionString.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || ConnectionString.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || ServerKeyword().IsMatch(ConnectionString);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();

    [GeneratedRegex(@"(^|;)\s*(Host|Server)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ServerKeyword();
}
