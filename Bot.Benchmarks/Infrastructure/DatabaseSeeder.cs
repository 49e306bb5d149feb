using System.Globalization;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Benchmarks.Infrastructure;

/// <summary>Fills a migrated database with a relayed history in one transaction of bulk INSERT ... SELECT: for
/// message <c>i</c> (conversation <c>i mod conversations</c>, the <see cref="GeneratedMarketplace"/> scheme) the
/// message row, its dedup key, its Telegram copy in the conversation's staff topic and its two finished outbox items
/// (staff post, mark read); every conversation has its staff topic binding; the poll cursor points after the last
/// message, so the marketplace continues from there.</summary>
public static class DatabaseSeeder
{
    private const string Sql = """
        WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i + 1 < @conversations)
        INSERT INTO conversations (id, marketplace, account, kind, external_id, buyer_id, buyer_name, card_json, created_at, last_activity_at)
        SELECT i + 1, 'bench', @account, 'order', 'order-' || i, 'buyer-' || i, 'Buyer ' || i, '{"OrderId":"order-' || i || '"}', @at, @at FROM k;

        INSERT INTO thread_bindings (conversation_id, audience, chat_id, topic_id, created_at)
        SELECT id, 'staff', @chat, id, @at FROM conversations;

        WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i + 1 < @messages)
        INSERT INTO messages (id, conversation_id, origin, author_role, author_name, text, language, marketplace_message_id, created_at)
        SELECT i + 1, (i % @conversations) + 1, 'marketplace', 'buyer', 'Buyer ' || (i % @conversations),
               'Hello, when will my order ship? I paid three days ago.', 'en', 'm' || i, @at FROM k;

        INSERT INTO marketplace_seen (conversation_id, marketplace_message_id)
        SELECT conversation_id, marketplace_message_id FROM messages;

        INSERT INTO message_copies (message_id, target, part, chat_id, topic_id, remote_message_id, language, created_at)
        SELECT id, 'telegram', 0, @chat, conversation_id, CAST(id AS TEXT), 'en', @at FROM messages;

        INSERT INTO outbox (kind, lane, conversation_id, message_id, chat_id, status, next_attempt_at, created_at, updated_at)
        SELECT 'staff_post', 'staff:' || conversation_id, conversation_id, id, @chat, 'done', @at, @at, @at FROM messages;

        INSERT INTO outbox (kind, lane, conversation_id, message_id, status, next_attempt_at, created_at, updated_at)
        SELECT 'marketplace_mark_read', 'market:' || conversation_id, conversation_id, id, 'done', @at, @at, @at FROM messages;

        INSERT INTO cursors (name, value, updated_at) VALUES ('marketplace:bench:' || @account, @cursor, @at);
        """;

    public static async Task SeedAsync(IDbConnectionFactory connections, long messages, int conversations, string account = "store-1")
    {
        await using var session = await DbSession.BeginAsync(connections, CancellationToken.None);
        await session.Connection.ExecuteAsync(
            Sql,
            new
            {
                messages, conversations, account, chat = BenchCore.StaffChatId, at = "2026-11-01T00:00:00.0000000Z",
                cursor = messages.ToString(CultureInfo.InvariantCulture),
            },
            session.Transaction,
            commandTimeout: 0);
        await session.CommitAsync(CancellationToken.None);
        await session.Connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
    }
}
