namespace Bot.Core.Postgres;

/// <summary>The connection string as the PostgreSQL storage checks it at start (<c>ConnectionStrings:Bridge</c>, the
/// same as <see cref="Storage.StorageOptions.ConnectionString"/>).</summary>
public sealed class PostgresConnectionOptions
{
    public string ConnectionString { get; set; } = "";

    /// <summary>The store's schema (<see cref="Storage.StorageOptions.Schema"/>), checked here because only PostgreSQL uses it.</summary>
    public string Schema { get; set; } = "";

    public bool UsesPostgres => new Storage.StorageOptions { ConnectionString = ConnectionString }.UsesPostgres;
}
