using Bot.Core.Conversations;
using Bot.Core.Storage;
using Dapper;

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

    private const string Select = """
        SELECT conversation_id AS ConversationId, chat_id AS ChatId, message_id AS MessageId, tail_html AS TailHtml, facts_html AS FactsHtml
        FROM order_card_messages WHERE conversation_id = @conversationId
        """;

    public Task SetAsync(DbSession session, CardMessage card) =>
        session.Connection.ExecuteAsync(Upsert, new { card.ConversationId, card.ChatId, card.MessageId, card.TailHtml, card.FactsHtml, at = time.GetUtcNow() }, session.Transaction);

    public async Task<CardMessage?> GetAsync(DbSession session, long conversationId) =>
        (await session.Connection.QueryAsync<(long ConversationId, long ChatId, long MessageId, string? TailHtml, string? FactsHtml)>(Select, new { conversationId }, session.Transaction))
            .Select(r => new CardMessage(r.ConversationId, r.ChatId, (int)r.MessageId, r.TailHtml, r.FactsHtml))
            .FirstOrDefault();
}
