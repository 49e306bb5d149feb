using Bot.Core.Drafts;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IDraftRequestRepository"/> (table <c>draft_requests</c>, migration 0024).</summary>
internal sealed class SqliteDraftRequestRepository : IDraftRequestRepository
{
    private const string Insert = """
        INSERT INTO draft_requests (conversation_id, chat_id, topic_id, pressed_message_id, up_to, requested_by, created_at)
        SELECT @ConversationId, @ChatId, @TopicId, @PressedMessageId, @UpTo, @RequestedBy, @now
        WHERE (SELECT COUNT(*) FROM draft_requests) < @capacity
        RETURNING id
        """;

    private const string Select = """
        SELECT id AS Id, conversation_id AS ConversationId, chat_id AS ChatId, topic_id AS TopicId, pressed_message_id AS PressedMessageId,
               up_to AS UpTo, requested_by AS RequestedBy
        FROM draft_requests ORDER BY id LIMIT @limit
        """;

    private const string Delete = "DELETE FROM draft_requests WHERE id = @id";

    public Task<long?> AddAsync(DbSession session, DraftRequest request, int capacity, DateTimeOffset now) =>
        session.Connection.ExecuteScalarAsync<long?>(
            Insert,
            new { request.ConversationId, request.ChatId, TopicId = (long?)request.TopicId, PressedMessageId = (long)request.PressedMessageId, request.UpTo, request.RequestedBy, now, capacity },
            session.Transaction);

    // Read at start (the queue's first look): a statement, so that a start never loads Dapper.
    private static readonly Statement SelectStatement = new(Select, "@limit");

    public async Task<IReadOnlyList<PendingDraft>> PendingAsync(DbSession session, int limit) =>
        await SelectStatement.QueryAsync(session, r => new PendingDraft(r.GetInt64(0), new DraftRequest(
            r.GetInt64(1), r.GetInt64(2), (int?)Statement.Int64OrNull(r, 3), (int)r.GetInt64(4), Statement.Int64OrNull(r, 5), r.GetString(6))), limit);

    public Task DeleteAsync(DbSession session, long id) =>
        session.Connection.ExecuteAsync(Delete, new { id }, session.Transaction);
}
