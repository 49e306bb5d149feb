using Npgsql;

namespace Bot.Core.Postgres;

/// <summary>Reads a PostgreSQL connection string: Npgsql's keywords (<c>Host=...;Database=...</c>) or a
/// <c>postgres://user:password@host:port/database</c> URL.</summary>
public static class PostgresConnectionString
{
    /// <summary>Npgsql's form of <paramref name="value"/>; an <see cref="ArgumentException"/> that never repeats the
    /// password when it cannot be read.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string value)
    {
        if (!IsUrl(value))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(value);
            }
            catch (ArgumentException)
            {
                throw new ArgumentException("ConnectionStrings__Bridge is not a PostgreSQL connection string Npgsql can read (Host=...;Database=...;Username=...).");
            }
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
        {
            throw new ArgumentException("ConnectionStrings__Bridge is not a PostgreSQL URL (postgres://user:password@host:port/database).");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = url.Host, Database = Uri.UnescapeDataString(url.AbsolutePath.Trim('/')) };
        if (url.Port > 0)
        {
            builder.Port = url.Port;
        }

        var user = url.UserInfo.Split(':', 2);
        if (user[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user[0]);
        }

        if (user.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(user[1]);
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(parts[0])] = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
        }

        return builder;
    }

    private static bool IsUrl(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);
}
