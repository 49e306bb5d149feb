using Bot.Core.Conversations;
using Bot.Core.Storage;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IOrderCardRepository"/> (table <c>order_cards</c>, migrations 0014, 0015 and 0017).</summary>
internal sealed class SqliteOrderCardRepository : IOrderCardRepository
{
    private const string Upsert =
        """
        INSERT INTO order_cards (conversation_id, chat_id, message_id) VALUES (@conversationId, @chatId, @messageId)
        ON CONFLICT (conversation_id) DO UPDATE SET
            chat_id = excluded.chat_id, message_id = excluded.message_id, card_hash = NULL, refreshed_at = NULL, seen_message_id = 0
        """;

    private const string Due =
        """
        SELECT * FROM (
            SELECT s.conversation_id AS ConversationId, s.chat_id AS ChatId, s.message_id AS MessageId, s.card_hash AS CardHash,
                   s.dispute_key AS DisputeKey, s.refreshed_at AS RefreshedAt, s.seen_message_id AS SeenMessageId,
                   (SELECT MAX(m.id) FROM messages m WHERE m.conversation_id = s.conversation_id) AS LatestMessageId,
                   s.refusal_noted AS RefusalNoted, s.order_finished AS OrderFinished
            FROM order_cards s
            WHERE s.refreshed_at IS NULL OR s.refreshed_at <= @refreshedBefore) AS due
        WHERE LatestMessageId > SeenMessageId
        ORDER BY ConversationId
        LIMIT @limit
        """;

    private const string Save =
        """
        UPDATE order_cards SET card_hash = @CardHash, dispute_key = @DisputeKey, refreshed_at = @RefreshedAt,
                               seen_message_id = @SeenMessageId, refusal_noted = @RefusalNoted,
                               order_finished = @OrderFinished
        WHERE conversation_id = @ConversationId
        """;

    // Written with the card's first post, in the delivery's completion: a prepared statement.
    private static readonly Statement UpsertStatement = new(Upsert, "@conversationId", "@chatId", "@messageId");

    public Task SetMessageAsync(DbSession session, long conversationId, long chatId, int messageId) =>
        UpsertStatement.ExecuteAsync(session, conversationId, chatId, messageId);

    public async Task<IReadOnlyList<OrderCardState>> ListDueAsync(DbSession session, DateTimeOffset refreshedBefore, int limit)
    {
        // The refresher asks every few seconds while idle: a statement, so that idling never loads Dapper.
        return await DueStatement.QueryAsync(session, r => new OrderCardState(r.GetInt64(0), r.GetInt64(1), (int)r.GetInt64(2),
            Statement.StringOrNull(r, 3), Statement.StringOrNull(r, 4), Statement.TimeOrNull(r, 5), r.GetInt64(6),
            Statement.Int64OrNull(r, 7) ?? 0, r.GetInt64(8) != 0, Statement.Int64OrNull(r, 9) is { } finished ? finished != 0 : null),
            refreshedBefore, limit);
    }

    private static readonly Statement DueStatement = new(Due, "@refreshedBefore", "@limit");

    private static readonly Statement Dispute = new("SELECT dispute_key FROM order_cards WHERE conversation_id = @conversationId", "@conversationId");

    public async Task<bool> DisputeOpenAsync(DbSession session, long conversationId) =>
        OrderCardState.IsOpenDispute(await Dispute.QueryFirstAsync<string?>(session, r => Statement.StringOrNull(r, 0), null, conversationId));

    private static readonly Statement Finished = new("SELECT order_finished FROM order_cards WHERE conversation_id = @conversationId", "@conversationId");

    public async Task<bool?> OrderFinishedAsync(DbSession session, long conversationId) =>
        await Finished.QueryFirstAsync(session, r => Statement.Int64OrNull(r, 0), null, conversationId) is { } value ? value != 0 : null;

    // The refresher's writes and the card's facts run with the cards of conversations that relay messages: statements.
    private static readonly Statement SaveStatement = new(
        Save, "@CardHash", "@DisputeKey", "@RefreshedAt", "@SeenMessageId", "@RefusalNoted", "@OrderFinished", "@ConversationId");

    public Task SaveRefreshAsync(DbSession session, OrderCardState state) =>
        SaveStatement.ExecuteAsync(
            session,
            state.CardHash,
            state.DisputeKey,
            state.RefreshedAt,
            state.SeenMessageId,
            state.RefusalNoted ? 1 : 0,
            state.OrderFinished is { } finished ? finished ? 1 : 0 : null,
            state.ConversationId);

    private static readonly Statement SetFacts = new("UPDATE order_cards SET facts_json = @json WHERE conversation_id = @conversationId", "@json", "@conversationId");

    private static readonly Statement Facts = new("SELECT facts_json FROM order_cards WHERE conversation_id = @conversationId", "@conversationId");

    public Task SaveFactsAsync(DbSession session, long conversationId, string json) => SetFacts.ExecuteAsync(session, json, conversationId);

    public Task<string?> GetFactsAsync(DbSession session, long conversationId) =>
        Facts.QueryFirstAsync(session, r => Statement.StringOrNull(r, 0), null, conversationId);
}
