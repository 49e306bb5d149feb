using System.Reflection;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Sqlite;

/// <summary>Applies the numbered .sql files embedded under Sqlite/Migrations, in order, each in its own transaction,
/// and journals them in schema_migrations. Forward only: a shipped script is never edited. Instances that start together
/// on one PostgreSQL database take turns: each script runs in a writing transaction (the writers' lock), which first
/// checks the journal again, so a script another instance applied meanwhile is skipped.</summary>
public sealed partial class SqliteMigrationRunner(IDbConnectionFactory connections, TimeProvider time, ILogger<SqliteMigrationRunner> logger) : IMigrationRunner
{
    // The journal keeps a script's number (what decides whether it was applied) and file name, never this prefix: the
    // scripts moved from Storage/ to Sqlite/ without any database seeing a new script.
    private const string Prefix = "Bot.Core.Sqlite.Migrations.";

    private const string Journal = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL)
        """;

    // Every start runs these, so they are statements and plain commands, not Dapper (which would be loaded by them).
    private static readonly Statement AppliedIds = new("SELECT id FROM schema_migrations");
    private static readonly Statement AppliedCount = new("SELECT COUNT(*) FROM schema_migrations WHERE id = @id", "@id");
    private static readonly Statement Journaled = new("INSERT INTO schema_migrations (id, name, applied_at) VALUES (@id, @name, @at)", "@id", "@name", "@at");

    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using (var journal = await connections.BeginTransactionAsync(connection, write: true, cancellationToken))
        {
            await RunAsync(connection, journal, Journal);
            await journal.CommitAsync(cancellationToken);
        }

        var applied = (await AppliedIds.QueryAsync(connection, null, r => r.GetInt64(0))).ToHashSet();
        var count = 0;
        foreach (var (id, name, sql) in LoadScripts())
        {
            if (applied.Contains(id))
            {
                continue;
            }

            await using var tx = await connections.BeginTransactionAsync(connection, write: true, cancellationToken);
            if ((await AppliedCount.QueryAsync(connection, tx, r => r.GetInt64(0), id))[0] > 0)
            {
                continue; // another instance applied it while this one waited for the lock
            }

            await RunAsync(connection, tx, sql);
            await Journaled.ExecuteAsync(connection, tx, id, name, time.GetUtcNow());
            await tx.CommitAsync(cancellationToken);
            LogApplied(name);
            count++;
        }

        return count;
    }

    /// <summary>A script as it is written (several statements, no parameters).</summary>
    private static async Task RunAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
    }

    internal static IReadOnlyList<(long Id, string Name, string Sql)> LoadScripts()
    {
        var assembly = typeof(SqliteMigrationRunner).Assembly;
        var scripts = new List<(long, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            var number = name.Split('_', 2)[0];
            if (!long.TryParse(number, out var id))
            {
                throw new InvalidOperationException($"Migration '{name}' must start with its number, like 0001_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((id, name, reader.ReadToEnd()));
        }

        var ordered = scripts.OrderBy(s => s.Item1).ToList();
        var duplicate = ordered.GroupBy(s => s.Item1).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? ordered
            : throw new InvalidOperationException($"Two migrations share the number {duplicate.Key}.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Name}")]
    private partial void LogApplied(string name);
}
