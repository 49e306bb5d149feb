using Bot.Core.Storage;
using Bot.Core.Workflow;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IWorkflowRepository"/>: waits for an answer, reminders, digests and acknowledgments here;
/// finding conversations and quiet topics, claims and the rows read back in the other parts.</summary>
internal sealed partial class SqliteWorkflowRepository : IWorkflowRepository
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

    // The sweep runs these every minute while idle: statements, so that idling never loads Dapper.
    private static readonly Statement OpenNewStatement = new(OpenNew);
    private static readonly Statement CloseAnsweredStatement = new(CloseAnswered);
    private static readonly Statement SelectOpenStatement = new(SelectOpen);

    public Task OpenNewWaitsAsync(DbSession session) => OpenNewStatement.ExecuteAsync(session);

    public async Task<IReadOnlyList<AnsweredWait>> CloseAnsweredWaitsAsync(DbSession session) =>
        await CloseAnsweredStatement.QueryAsync(session, r => new AnsweredWait(
            r.GetInt64(0), Statement.Time(r, 1), Statement.Time(r, 2), Statement.StringOrNull(r, 3)));

    public async Task<IReadOnlyList<OpenWait>> ListOpenWaitsAsync(DbSession session) =>
        await SelectOpenStatement.QueryAsync(session, r => new OpenWait(
            r.GetInt64(0), r.GetInt64(1), Statement.Time(r, 2), r.GetString(3), r.GetString(4), Statement.StringOrNull(r, 5),
            Statement.Int64OrNull(r, 6), Statement.Int64OrNull(r, 7) is { } topic ? (int)topic : null, Statement.TimeOrNull(r, 8),
            Statement.Int64OrNull(r, 9), Statement.StringOrNull(r, 10)));

    // Reminders, the digest, off-hours acknowledgments and the status page's response times, as they come due while
    // the bridge otherwise idles: statements, so that they never load Dapper either.
    private static readonly Statement MarkRemindedStatement = new(MarkReminded, "@at", "@conversationId", "@firstMessageId");

    private static readonly Statement SelectAnsweredStatement = new(SelectAnswered, "@since");

    private static readonly Statement MarkDigest = new("INSERT OR IGNORE INTO workflow_digests (day, sent_at) VALUES (@day, @at)", "@day", "@at");

    private static readonly Statement CountAcknowledgments = new(
        "SELECT COUNT(*) FROM workflow_acks WHERE conversation_id = @conversationId AND period_end = @periodEnd", "@conversationId", "@periodEnd");

    private static readonly Statement AddAcknowledgment = new(
        "INSERT INTO workflow_acks (conversation_id, period_end, message_id, sent_at) VALUES (@conversationId, @periodEnd, @messageId, @at)",
        "@conversationId", "@periodEnd", "@messageId", "@at");

    public async Task<bool> MarkRemindedAsync(DbSession session, long conversationId, long firstMessageId, DateTimeOffset at) =>
        await MarkRemindedStatement.ExecuteAsync(session, at, conversationId, firstMessageId) == 1;

    public async Task<IReadOnlyList<AnsweredWait>> ListAnsweredAsync(DbSession session, DateTimeOffset since) =>
        await SelectAnsweredStatement.QueryAsync(
            session, r => new AnsweredWait(r.GetInt64(0), Statement.Time(r, 1), Statement.Time(r, 2), Statement.StringOrNull(r, 3)), since);

    public async Task<bool> MarkDigestAsync(DbSession session, DateOnly day, DateTimeOffset at) =>
        await MarkDigest.ExecuteAsync(session, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), at) == 1;

    public async Task<bool> HasAcknowledgmentAsync(DbSession session, long conversationId, DateTimeOffset periodEnd) =>
        (await CountAcknowledgments.QueryAsync(session, r => r.GetInt64(0), conversationId, periodEnd))[0] > 0;

    public Task AddAcknowledgmentAsync(DbSession session, long conversationId, DateTimeOffset periodEnd, long messageId, DateTimeOffset at) =>
        AddAcknowledgment.ExecuteAsync(session, conversationId, periodEnd, messageId, at);

    // Retention runs it an hour apart, idle or not: a statement, so that idling never loads Dapper.
    private static readonly Statement PruneAnswered = new(
        """
        DELETE FROM workflow_waits WHERE (conversation_id, first_message_id) IN
            (SELECT conversation_id, first_message_id FROM workflow_waits WHERE answered_at IS NOT NULL AND answered_at < @before LIMIT @limit)
        """, "@before", "@limit");

    public Task<int> PruneAnsweredAsync(DbSession session, DateTimeOffset before, int limit) => PruneAnswered.ExecuteAsync(session, before, limit);
}
