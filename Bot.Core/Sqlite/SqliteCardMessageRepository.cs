using Bot.Core.Conversations;
using Bot.Core.Storage;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="ICardMessageRepository"/>.</summary>
internal sealed class SqliteCardMessageRepository(TimeProvider time) : ICardMessageRepository
{
    private const string Upsert = """
        INSERT INTO order_card_messages (conversation_id, chat_id, message_id, tail_html, facts_html, created_at)
        VALUES (@ConversationId, @ChatId, @MessageId, @TailHtml, @FactsHtml, @at)
        ON CONFLICT (conversation_id) DO UPDATE SET chat_id = excluded.chat_id, message_id = excluded.message_id,
            tail_html = excluded.tail_html, facts_html = excluded.facts_html, created_at = excluded.created_at
        """;

    private static readonly Statement Select = new(
        "SELECT conversation_id, chat_id, message_id, tail_html, facts_html FROM order_card_messages WHERE conversation_id = @conversationId",
        "@conversationId");

    private static readonly Statement UpsertStatement = new(Upsert, "@ConversationId", "@ChatId", "@MessageId", "@TailHtml", "@FactsHtml", "@at");

    public Task SetAsync(DbSession session, CardMessage card) =>
        UpsertStatement.ExecuteAsync(session, card.ConversationId, card.ChatId, card.MessageId, card.TailHtml, card.FactsHtml, time.GetUtcNow());

    public Task<CardMessage?> GetAsync(DbSession session, long conversationId) =>
        Select.QueryFirstAsync<CardMessage?>(
            session,
            r => new CardMessage(r.GetInt64(0), r.GetInt64(1), (int)r.GetInt64(2), Statement.StringOrNull(r, 3), Statement.StringOrNull(r, 4)),
            null,
            conversationId);
}
