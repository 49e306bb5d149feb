namespace Bot.Testing.Postgres;

/// <summary>Where PostgreSQL's server programs are (Debian's postgresql package: /usr/lib/postgresql/N/bin; 15 first),
/// or <c>PG_BIN</c> when set.</summary>
public static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The directory holding initdb and pg_ctl; null where PostgreSQL is not installed.</summary>
    public static string? Directory { get; } = Find();

    /// <summary>Why the PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? Missing => Directory is null
        ? $"No PostgreSQL server binaries (initdb, pg_ctl) in {DebianRoot}/*/bin or PG_BIN: install the Debian package postgresql-15 to run the PostgreSQL variants (under CI=true they fail instead of skipping)."
        : null;

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
        {
            return HasServer(configured) ? configured : null;
        }

        if (!System.IO.Directory.Exists(DebianRoot))
        {
            return null;
        }

        return System.IO.Directory.GetDirectories(DebianRoot)
            .Select(d => (Path: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => HasServer(d.Path))
            .OrderByDescending(d => d.Version == 15)
            .ThenByDescending(d => d.Version)
            .Select(d => d.Path)
            .FirstOrDefault();
    }

    private static bool HasServer(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));
}
