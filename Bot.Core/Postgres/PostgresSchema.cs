using Npgsql;

namespace Bot.Core.Postgres;

/// <summary>A store's schema: made when missing (several instances may start together), and the key of its writers'
/// lock. The name was validated at start (lower-case letters, digits and '_'), so it needs no quoting.</summary>
internal static class PostgresSchema
{
    private const string Exists = "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @name)";

    // 42P06: the schema exists (another instance made it first); 23505: the same race seen in the catalog's index.
    private static readonly string[] AlreadyMade = ["42P06", "23505"];

    public static async Task EnsureAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand(Exists, connection);
        exists.Parameters.AddWithValue("name", schema);
        if (await exists.ExecuteScalarAsync(cancellationToken) is true)
        {
            return; // made already: no CREATE right needed on the database
        }

        try
        {
            await using var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {schema}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (AlreadyMade.Contains(e.SqlState))
        {
        }
    }

    /// <summary>The default lock for the connection's own schema (and for <c>public</c>, named or not, so instances of
    /// one store queue together while some of them already name it); for another schema, the default mixed with a
    /// stable (FNV-1a) hash of the name, so each store's writers have a lock of their own.</summary>
    public static long WriterLock(long defaultLock, string schema)
    {
        if (schema.Length == 0 || schema == "public")
        {
            return defaultLock;
        }

        var hash = 14695981039346656037UL;
        foreach (var c in schema)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return defaultLock ^ (long)hash;
    }
}
