using Bot.Core.Storage;
using Bot.Core.Workflow;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>Finding conversations (<c>/find</c>) and the quiet topics the tidier closes and reopens.</summary>
internal sealed partial class SqliteWorkflowRepository
{
    private const string Find = """
        SELECT c.id, c.external_id, c.buyer_name, b.chat_id, b.topic_id, c.last_activity_at
        FROM conversations c
        LEFT JOIN thread_bindings b ON b.conversation_id = c.id AND b.audience = 'staff'
        WHERE c.external_id = @query OR c.buyer_name LIKE @like ESCAPE '\'
           OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.text LIKE @like ESCAPE '\')
        ORDER BY c.last_activity_at DESC, c.id DESC
        LIMIT @limit
        """;

    private const string SelectQuiet = """
        SELECT c.id, b.chat_id, b.topic_id, (SELECT MAX(m.id) FROM messages m WHERE m.conversation_id = c.id) AS last_message_id
        FROM conversations c
        JOIN thread_bindings b ON b.conversation_id = c.id AND b.audience = 'staff' AND b.topic_id IS NOT NULL
        WHERE NOT EXISTS (SELECT 1 FROM workflow_closed k WHERE k.conversation_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM workflow_waits w WHERE w.conversation_id = c.id AND w.answered_at IS NULL)
          AND (SELECT MAX(m.created_at) FROM messages m WHERE m.conversation_id = c.id) < @before
        ORDER BY c.id
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<FoundConversation>> FindAsync(DbSession session, string query, int limit)
    {
        var like = "%" + query.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        var rows = await session.Connection.QueryAsync<(long Id, string ExternalId, string? BuyerName, long? ChatId, long? TopicId, string LastActivityAt)>(
            Find, new { query, like, limit }, session.Transaction);
        return rows.Select(r => new FoundConversation(
            r.Id, r.ExternalId, r.BuyerName, r.ChatId, r.TopicId is { } topic ? (int)topic : null, SqliteTypeHandlers.Parse(r.LastActivityAt))).ToList();
    }

    public async Task<IReadOnlyList<ClosedTopic>> ListQuietAsync(DbSession session, DateTimeOffset before, int limit) =>
        (await session.Connection.QueryAsync<(long ConversationId, long ChatId, long TopicId, long LastMessageId)>(
            SelectQuiet, new { before, limit }, session.Transaction)).Select(r => new ClosedTopic(r.ConversationId, r.ChatId, (int)r.TopicId, r.LastMessageId)).ToList();

    public Task MarkClosedAsync(DbSession session, ClosedTopic topic, DateTimeOffset at) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO workflow_closed (conversation_id, chat_id, topic_id, last_message_id, closed_at)
            VALUES (@ConversationId, @ChatId, @TopicId, @LastMessageId, @at)
            ON CONFLICT (conversation_id) DO UPDATE SET chat_id = excluded.chat_id, topic_id = excluded.topic_id,
                last_message_id = excluded.last_message_id, closed_at = excluded.closed_at
            """, new { topic.ConversationId, topic.ChatId, topic.TopicId, topic.LastMessageId, at }, session.Transaction);

    public async Task<IReadOnlyList<ClosedTopic>> ListReopenedAsync(DbSession session) =>
        (await session.Connection.QueryAsync<(long ConversationId, long ChatId, long TopicId, long LastMessageId)>(
            """
            SELECT k.conversation_id, k.chat_id, k.topic_id, k.last_message_id FROM workflow_closed k
            WHERE EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = k.conversation_id AND m.id > k.last_message_id)
            """, transaction: session.Transaction)).Select(r => new ClosedTopic(r.ConversationId, r.ChatId, (int)r.TopicId, r.LastMessageId)).ToList();

    public Task RemoveClosedAsync(DbSession session, long conversationId) =>
        session.Connection.ExecuteAsync("DELETE FROM workflow_closed WHERE conversation_id = @conversationId", new { conversationId }, session.Transaction);
}
