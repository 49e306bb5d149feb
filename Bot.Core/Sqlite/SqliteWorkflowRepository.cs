using Bot.Core.Storage;
using Bot.Core.Workflow;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IWorkflowRepository"/>.</summary>
internal sealed class SqliteWorkflowRepository : IWorkflowRepository
{
    // An answer is a staff or seller message that is not an automatic acknowledgment.

    private const string AnswerA = "author_role IN ('staff', 'seller') AND a.id NOT IN (SELECT message_id FROM workflow_acks)";

    private const string AnswerX = "author_role IN ('staff', 'seller') AND x.id NOT IN (SELECT message_id FROM workflow_acks)";

    private const string OpenNew = $"""
        INSERT OR IGNORE INTO workflow_waits (conversation_id, first_message_id, waiting_since)
        SELECT m.conversation_id, m.id, m.created_at FROM messages m
        WHERE m.author_role = 'buyer' AND m.id > (SELECT last_message_id FROM workflow_cursor WHERE id = 1)
          AND NOT EXISTS (
              SELECT 1 FROM messages p
              WHERE p.conversation_id = m.conversation_id AND p.author_role = 'buyer' AND p.id < m.id
                AND p.id > COALESCE((SELECT MAX(a.id) FROM messages a
                                     WHERE a.conversation_id = m.conversation_id AND a.{AnswerA} AND a.id < m.id), 0));
        UPDATE workflow_cursor SET last_message_id = (SELECT COALESCE(MAX(id), last_message_id) FROM messages) WHERE id = 1;
        """;

    private const string FirstAnswer = $"""
        FROM messages x WHERE x.conversation_id = workflow_waits.conversation_id AND x.{AnswerX}
          AND x.id > workflow_waits.first_message_id
        """;

    private const string CloseAnswered = $"""
        UPDATE workflow_waits
        SET answered_at = (SELECT x.created_at {FirstAnswer} ORDER BY x.id LIMIT 1),
            answered_by = (SELECT COALESCE(x.author_name, '') {FirstAnswer} ORDER BY x.id LIMIT 1)
        WHERE answered_at IS NULL AND EXISTS (SELECT 1 {FirstAnswer})
        RETURNING conversation_id AS ConversationId, waiting_since AS WaitingSince, answered_at AS AnsweredAt,
                  NULLIF(answered_by, '') AS AnsweredBy
        """;

    private const string SelectOpen = """
        SELECT w.conversation_id AS ConversationId, w.first_message_id AS FirstMessageId, w.waiting_since AS WaitingSince,
               c.account AS Account, c.external_id AS ExternalId, c.buyer_name AS BuyerName,
               b.chat_id AS ChatId, b.topic_id AS TopicId, w.reminded_at AS RemindedAt,
               k.user_id AS ClaimedById, k.user_name AS ClaimedBy
        FROM workflow_waits w
        JOIN conversations c ON c.id = w.conversation_id
        LEFT JOIN thread_bindings b ON b.conversation_id = w.conversation_id AND b.audience = 'staff'
        LEFT JOIN workflow_claims k ON k.conversation_id = w.conversation_id
        WHERE w.answered_at IS NULL
        ORDER BY w.waiting_since, w.conversation_id
        """;

    private const string MarkReminded = """
        UPDATE workflow_waits SET reminded_at = @at
        WHERE conversation_id = @conversationId AND first_message_id = @firstMessageId AND reminded_at IS NULL
        """;

    private const string SelectAnswered = """
        SELECT conversation_id AS ConversationId, waiting_since AS WaitingSince, answered_at AS AnsweredAt,
               NULLIF(answered_by, '') AS AnsweredBy
        FROM workflow_waits WHERE answered_at >= @since ORDER BY answered_at
        """;

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

    private const string UpsertClaim = """
        INSERT INTO workflow_claims (conversation_id, user_id, user_name, claimed_at) VALUES (@ConversationId, @UserId, @UserName, @ClaimedAt)
        ON CONFLICT (conversation_id) DO UPDATE SET user_id = excluded.user_id, user_name = excluded.user_name, claimed_at = excluded.claimed_at
        """;

    public Task OpenNewWaitsAsync(DbSession session) =>
        session.Connection.ExecuteAsync(OpenNew, transaction: session.Transaction);

    public async Task<IReadOnlyList<AnsweredWait>> CloseAnsweredWaitsAsync(DbSession session) =>
        (await session.Connection.QueryAsync<AnsweredRow>(CloseAnswered, transaction: session.Transaction)).Select(r => r.ToWait()).ToList();

    public async Task<IReadOnlyList<OpenWait>> ListOpenWaitsAsync(DbSession session) =>
        (await session.Connection.QueryAsync<OpenRow>(SelectOpen, transaction: session.Transaction)).Select(r => r.ToWait()).ToList();

    public async Task<bool> MarkRemindedAsync(DbSession session, long conversationId, long firstMessageId, DateTimeOffset at) =>
        await session.Connection.ExecuteAsync(MarkReminded, new { conversationId, firstMessageId, at }, session.Transaction) == 1;

    public async Task<IReadOnlyList<AnsweredWait>> ListAnsweredAsync(DbSession session, DateTimeOffset since) =>
        (await session.Connection.QueryAsync<AnsweredRow>(SelectAnswered, new { since }, session.Transaction)).Select(r => r.ToWait()).ToList();

    public async Task<bool> MarkDigestAsync(DbSession session, DateOnly day, DateTimeOffset at) =>
        await session.Connection.ExecuteAsync(
            "INSERT OR IGNORE INTO workflow_digests (day, sent_at) VALUES (@day, @at)",
            new { day = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), at }, session.Transaction) == 1;

    public async Task<bool> HasAcknowledgmentAsync(DbSession session, long conversationId, DateTimeOffset periodEnd) =>
        await session.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM workflow_acks WHERE conversation_id = @conversationId AND period_end = @periodEnd",
            new { conversationId, periodEnd }, session.Transaction) > 0;

    public Task AddAcknowledgmentAsync(DbSession session, long conversationId, DateTimeOffset periodEnd, long messageId, DateTimeOffset at) =>
        session.Connection.ExecuteAsync(
            "INSERT INTO workflow_acks (conversation_id, period_end, message_id, sent_at) VALUES (@conversationId, @periodEnd, @messageId, @at)",
            new { conversationId, periodEnd, messageId, at }, session.Transaction);

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

    public Task<int> PruneAnsweredAsync(DbSession session, DateTimeOffset before, int limit) =>
        session.Connection.ExecuteAsync(
            """
            DELETE FROM workflow_waits WHERE (conversation_id, first_message_id) IN
                (SELECT conversation_id, first_message_id FROM workflow_waits WHERE answered_at IS NOT NULL AND answered_at < @before LIMIT @limit)
            """, new { before, limit }, session.Transaction);

    public async Task<Claim?> GetClaimAsync(DbSession session, long conversationId)
    {
        var row = await session.Connection.QuerySingleOrDefaultAsync<(long UserId, string UserName, string ClaimedAt)?>(
            "SELECT user_id, user_name, claimed_at FROM workflow_claims WHERE conversation_id = @conversationId",
            new { conversationId }, session.Transaction);
        return row is { } r ? new Claim(conversationId, r.UserId, r.UserName, SqliteTypeHandlers.Parse(r.ClaimedAt)) : null;
    }

    public Task SetClaimAsync(DbSession session, Claim claim) =>
        session.Connection.ExecuteAsync(
            UpsertClaim, new { claim.ConversationId, claim.UserId, claim.UserName, ClaimedAt = SqliteTypeHandlers.Format(claim.ClaimedAt) }, session.Transaction);

    public async Task<bool> RemoveClaimAsync(DbSession session, long conversationId) =>
        await session.Connection.ExecuteAsync(
            "DELETE FROM workflow_claims WHERE conversation_id = @conversationId", new { conversationId }, session.Transaction) == 1;

    private sealed class AnsweredRow
    {
        public long ConversationId { get; set; }

        public string WaitingSince { get; set; } = "";

        public string AnsweredAt { get; set; } = "";

        public string? AnsweredBy { get; set; }

        public AnsweredWait ToWait() =>
            new(ConversationId, SqliteTypeHandlers.Parse(WaitingSince), SqliteTypeHandlers.Parse(AnsweredAt), AnsweredBy);
    }

    private sealed class OpenRow
    {
        public long ConversationId { get; set; }

        public long FirstMessageId { get; set; }

        public string WaitingSince { get; set; } = "";

        public string Account { get; set; } = "";

        public string ExternalId { get; set; } = "";

        public string? BuyerName { get; set; }

        public long? ChatId { get; set; }

        public long? TopicId { get; set; }

        public string? RemindedAt { get; set; }

        public long? ClaimedById { get; set; }

        public string? ClaimedBy { get; set; }

        public OpenWait ToWait() => new(
            ConversationId, FirstMessageId, SqliteTypeHandlers.Parse(WaitingSince), Account, ExternalId, BuyerName, ChatId,
            TopicId is { } topic ? (int)topic : null, RemindedAt is null ? null : SqliteTypeHandlers.Parse(RemindedAt), ClaimedById, ClaimedBy);
    }
}
