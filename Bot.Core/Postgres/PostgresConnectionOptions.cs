namespace Bot.Core.Postgres;

/// <summary>The connection string as the PostgreSQL storage checks it at start (<c>ConnectionStrings:Bridge</c>, the
/// same as <see cref="Storage.StorageOptions.ConnectionString"/>).</summary>
public sealed class PostgresConnectionOptions
{
    public string ConnectionString { get; set; } = "";

    public bool UsesPostgres => new Storage.StorageOptions { ConnectionString = ConnectionString }.UsesPostgres;
}
