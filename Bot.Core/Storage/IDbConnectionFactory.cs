using Microsoft.Data.Sqlite;

namespace Bot.Core.Storage;

/// <summary>Opens connections to the bridge's database, already configured (WAL, busy timeout, foreign keys).</summary>
public interface IDbConnectionFactory
{
    Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken);
}
