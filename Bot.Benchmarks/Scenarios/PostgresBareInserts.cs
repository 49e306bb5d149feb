using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Bot.Benchmarks.Scenarios;

/// <summary>The PostgreSQL floor, as <see cref="BareInserts"/> is SQLite's: one INSERT per message into a table shaped
/// like <c>messages</c> (same columns, same unique dedup index), one prepared command, one transaction per batch of the
/// ingestor's page size, on a new database of the same server the bridge runs on (so with the same durability
/// settings). No conversations, outbox, cursor or delivery.</summary>
public static class PostgresBareInserts
{
    public static async Task<double> MeasureAsync(string connectionString, int messages, int batchSize, int conversations)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            """
            DROP TABLE IF EXISTS bare_messages;
            CREATE TABLE bare_messages (
                id BIGSERIAL PRIMARY KEY, conversation_id BIGINT NOT NULL, origin TEXT NOT NULL, author_role TEXT NOT NULL,
                author_name TEXT, text TEXT NOT NULL, images_json TEXT, marketplace_message_id TEXT, created_at TEXT NOT NULL);
            CREATE UNIQUE INDEX ux_bare_messages_marketplace ON bare_messages (conversation_id, marketplace_message_id)
                WHERE marketplace_message_id IS NOT NULL;
            """,
            connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var stopwatch = Stopwatch.StartNew();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO bare_messages (conversation_id, origin, author_role, author_name, text, marketplace_message_id, created_at)
            VALUES (@conversation, 'marketplace', 'buyer', @author, @text, @id, @at)
            """,
            connection);
        var conversation = insert.Parameters.Add("conversation", NpgsqlDbType.Bigint);
        var author = insert.Parameters.Add("author", NpgsqlDbType.Text);
        var text = insert.Parameters.Add("text", NpgsqlDbType.Text);
        var id = insert.Parameters.Add("id", NpgsqlDbType.Text);
        var at = insert.Parameters.Add("at", NpgsqlDbType.Text);
        await insert.PrepareAsync();
        for (var start = 0; start < messages; start += batchSize)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            insert.Transaction = transaction;
            for (var i = start; i < Math.Min(messages, start + batchSize); i++)
            {
                BareInserts.Fill(i, conversations, conversation, author, text, id, at);
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        return messages / stopwatch.Elapsed.TotalSeconds;
    }
}
