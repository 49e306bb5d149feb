using System.Text.RegularExpressions;

namespace Bot.Core.Storage;

public sealed partial class StorageOptions
{
    /// <summary>From <c>ConnectionStrings:Bridge</c>: a Microsoft.Data.Sqlite connection string (<c>Data Source=bridge.db</c>),
    /// or a PostgreSQL one (<c>Host=...;Database=...</c> or a <c>postgres://</c> URL).</summary>
    public string ConnectionString { get; set; } = "Data Source=bridge.db";

    /// <summary>How long a writer waits for another writer's lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether the connection string names a PostgreSQL server (a URL, or a Host or Server keyword) rather than
    /// a SQLite file.</summary>
    public bool UsesPostgres =>
        ConnectionString.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || ConnectionString.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || ServerKeyword().IsMatch(ConnectionString);

    [GeneratedRegex(@"(^|;)\s*(Host|Server)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ServerKeyword();
}
