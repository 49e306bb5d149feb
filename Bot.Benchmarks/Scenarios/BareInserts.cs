using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Bot.Benchmarks.Scenarios;

/// <summary>The floor the core is compared with: one INSERT per message into a table shaped like <c>messages</c>
/// (same columns the ingestor fills, same unique dedup index), on a connection with the settings of the core's own
/// <see cref="Bot.Core.Sqlite.SqliteConnectionFactory"/> (WAL, synchronous=NORMAL, busy timeout), one prepared command, one
/// transaction per batch of the ingestor's page size. No conversations, outbox, cursor or delivery.</summary>
public static class BareInserts
{
    /// <summary>The parameters of message <paramref name="i"/>: the same rows on every database.</summary>
    internal static void Fill(int i, int conversations, DbParameter conversation, DbParameter author, DbParameter text, DbParameter id, DbParameter at)
    {
        conversation.Value = (long)(i % conversations);
        author.Value = $"Buyer {i % conversations}";
        text.Value = "Hello, when will my order ship? I paid three days ago.";
        id.Value = $"m{i}";
        at.Value = "2026-11-01T00:00:00.0000000Z";
    }

    public static async Task<double> MeasureAsync(int messages, int batchSize, int conversations)
    {
        var directory = Directory.CreateTempSubdirectory("bridge-bare-").FullName;
        try
        {
            // The core's settings (WAL, synchronous=NORMAL, foreign keys, temporary files in memory, busy timeout) on a plain connection.
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "bare.db")}");
            await connection.OpenAsync();
            await using (var settings = connection.CreateCommand())
            {
                settings.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=10000;";
                await settings.ExecuteNonQueryAsync();
            }

            await using (var create = connection.CreateCommand())
            {
                create.CommandText = """
                    CREATE TABLE messages (
                        id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL, origin TEXT NOT NULL, author_role TEXT NOT NULL,
                        author_name TEXT, text TEXT NOT NULL, images_json TEXT, marketplace_message_id TEXT, created_at TEXT NOT NULL);
                    CREATE UNIQUE INDEX ux_messages_marketplace ON messages (conversation_id, marketplace_message_id)
                        WHERE marketplace_message_id IS NOT NULL;
                    """;
                await create.ExecuteNonQueryAsync();
            }

            var stopwatch = Stopwatch.StartNew();
            for (var start = 0; start < messages; start += batchSize)
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO messages (conversation_id, origin, author_role, author_name, text, marketplace_message_id, created_at)
                    VALUES ($conversation, 'marketplace', 'buyer', $author, $text, $id, $at)
                    """;
                var conversation = insert.Parameters.Add("$conversation", SqliteType.Integer);
                var author = insert.Parameters.Add("$author", SqliteType.Text);
                var text = insert.Parameters.Add("$text", SqliteType.Text);
                var id = insert.Parameters.Add("$id", SqliteType.Text);
                var at = insert.Parameters.Add("$at", SqliteType.Text);
                insert.Prepare();
                for (var i = start; i < Math.Min(messages, start + batchSize); i++)
                {
                    Fill(i, conversations, conversation, author, text, id, at);
                    await insert.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
            }

            return messages / stopwatch.Elapsed.TotalSeconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
