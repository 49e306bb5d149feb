using Bot.Core.Drafts;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IDraftRepository"/> (table <c>drafts</c>, migration 0017).</summary>
internal sealed class SqliteDraftRepository(IDbConnectionFactory connections, TimeProvider time) : IDraftRepository
{
    private const string Insert = """
        INSERT INTO drafts (chat_id, message_id, conversation_id, text, requested_by, created_at)
        VALUES (@ChatId, @MessageId, @ConversationId, @Text, @RequestedBy, @at)
        ON CONFLICT (chat_id, message_id) DO NOTHING
        """;

    private const string Select = """
        SELECT conversation_id AS ConversationId, chat_id AS ChatId, message_id AS MessageId, text AS Text, requested_by AS RequestedBy
        FROM drafts WHERE chat_id = @chatId AND message_id = @messageId
        """;

    private const string Prune = """
        DELETE FROM drafts WHERE (chat_id, message_id) IN (SELECT chat_id, message_id FROM drafts WHERE created_at < @before LIMIT @limit)
        """;

    public Task AddAsync(DbSession session, Draft draft) =>
        session.Connection.ExecuteAsync(Insert, new { draft.ChatId, draft.MessageId, draft.ConversationId, draft.Text, draft.RequestedBy, at = time.GetUtcNow() }, session.Transaction);

    public async Task<Draft?> FindAsync(DbSession session, long chatId, int messageId) =>
        (await session.Connection.QueryAsync<(long ConversationId, long ChatId, long MessageId, string Text, string RequestedBy)>(Select, new { chatId, messageId }, session.Transaction))
            .Select(r => new Draft(r.ConversationId, r.ChatId, (int)r.MessageId, r.Text, r.RequestedBy))
            .FirstOrDefault();

    public Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        PruneStatement.ExecuteInTurnAsync(connections, cancellationToken, before, limit);

    // Retention runs it an hour apart, idle or not: a statement, so that idling never loads Dapper.
    private static readonly Statement PruneStatement = new(Prune, "@before", "@limit");
}
