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

    // The tidier looks at a window of staff topics a round (a range of the bindings' key), not at every topic, so a
    // round costs the same with 100 topics or 100,000; the quiet test reads only the window's messages.
    private static readonly Statement WindowEnd = new(
        """
        SELECT MAX(conversation_id) FROM (
            SELECT conversation_id FROM thread_bindings
            WHERE conversation_id > @after AND audience = 'staff' AND topic_id IS NOT NULL
            ORDER BY conversation_id LIMIT @count) AS w
        """,
        "@after", "@count");

    private static readonly Statement SelectQuiet = new(
        """
        SELECT b.conversation_id, b.chat_id, b.topic_id, (SELECT MAX(m.id) FROM messages m WHERE m.conversation_id = b.conversation_id) AS last_message_id
        FROM thread_bindings b
        WHERE b.conversation_id > @after AND b.conversation_id <= @upTo AND b.audience = 'staff' AND b.topic_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM workflow_closed k WHERE k.conversation_id = b.conversation_id)
          AND NOT EXISTS (SELECT 1 FROM workflow_waits w WHERE w.conversation_id = b.conversation_id AND w.answered_at IS NULL)
          AND (SELECT MAX(m.created_at) FROM messages m WHERE m.conversation_id = b.conversation_id) < @before
        ORDER BY b.conversation_id
        LIMIT @limit
        """,
        "@after", "@upTo", "@before", "@limit");

    // Every closed topic, at the tidier's first round; after it, only the conversations of the messages stored since
    // the last round (a range of the messages' key), so a round's cost follows what arrived, not how many are closed.
    private static readonly Statement ReopenedOfAll = new(
        """
        SELECT k.conversation_id, k.chat_id, k.topic_id, k.last_message_id FROM workflow_closed k
        WHERE EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = k.conversation_id AND m.id > k.last_message_id)
        ORDER BY k.conversation_id
        """);

    private static readonly Statement ReopenedSince = new(
        """
        SELECT DISTINCT k.conversation_id, k.chat_id, k.topic_id, k.last_message_id
        FROM messages m JOIN workflow_closed k ON k.conversation_id = m.conversation_id
        WHERE m.id > @since AND m.id > k.last_message_id
        ORDER BY k.conversation_id
        """,
        "@since");

    private static readonly Statement LatestMessage = new("SELECT MAX(id) FROM messages");

    private static ClosedTopic ReadTopic(System.Data.Common.DbDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), (int)r.GetInt64(2), Statement.Int64OrNull(r, 3) ?? 0);

    public async Task<IReadOnlyList<FoundConversation>> FindAsync(DbSession session, string query, int limit)
    {
        var like = "%" + query.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        var rows = await session.Connection.QueryAsync<(long Id, string ExternalId, string? BuyerName, long? ChatId, long? TopicId, string LastActivityAt)>(
            Find, new { query, like, limit }, session.Transaction);
        return rows.Select(r => new FoundConversation(
            r.Id, r.ExternalId, r.BuyerName, r.ChatId, r.TopicId is { } topic ? (int)topic : null, SqliteTypeHandlers.Parse(r.LastActivityAt))).ToList();
    }

    public Task<long?> StaffTopicsWindowEndAsync(DbSession session, long after, int count) =>
        WindowEnd.QueryFirstAsync(session, r => Statement.Int64OrNull(r, 0), null, after, count);

    public async Task<IReadOnlyList<ClosedTopic>> ListQuietAsync(DbSession session, DateTimeOffset before, long after, long upTo, int limit) =>
        await SelectQuiet.QueryAsync(session, ReadTopic, after, upTo, before, limit);

    public Task MarkClosedAsync(DbSession session, ClosedTopic topic, DateTimeOffset at) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO workflow_closed (conversation_id, chat_id, topic_id, last_message_id, closed_at)
            VALUES (@ConversationId, @ChatId, @TopicId, @LastMessageId, @at)
            ON CONFLICT (conversation_id) DO UPDATE SET chat_id = excluded.chat_id, topic_id = excluded.topic_id,
                last_message_id = excluded.last_message_id, closed_at = excluded.closed_at
            """, new { topic.ConversationId, topic.ChatId, topic.TopicId, topic.LastMessageId, at }, session.Transaction);

    public async Task<IReadOnlyList<ClosedTopic>> ListReopenedAsync(DbSession session, long? sinceMessageId) =>
        sinceMessageId is { } since
            ? await ReopenedSince.QueryAsync(session, ReadTopic, since)
            : await ReopenedOfAll.QueryAsync(session, ReadTopic);

    public async Task<long> LatestMessageIdAsync(DbSession session) =>
        await LatestMessage.QueryFirstAsync(session, r => Statement.Int64OrNull(r, 0), null) ?? 0;

    public Task RemoveClosedAsync(DbSession session, long conversationId) =>
        session.Connection.ExecuteAsync("DELETE FROM workflow_closed WHERE conversation_id = @conversationId", new { conversationId }, session.Transaction);
}
