using Bot.Core.Conversations;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Buyers;

public sealed class BuyerLinkRepository
{
    private const string Columns = """
        telegram_user_id AS TelegramUserId, chat_id AS ChatId, display_name AS DisplayName, marketplace, account, buyer_id AS BuyerId,
        language, current_conversation_id AS CurrentConversationId
        """;

    public Task LinkAsync(DbSession session, BuyerLink link, DateTimeOffset now) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO buyer_links (telegram_user_id, chat_id, display_name, marketplace, account, buyer_id, language, current_conversation_id, linked_at)
            VALUES (@TelegramUserId, @ChatId, @DisplayName, @Marketplace, @Account, @BuyerId, @Language, @CurrentConversationId, @now)
            ON CONFLICT (telegram_user_id) DO UPDATE SET
                chat_id = excluded.chat_id, display_name = excluded.display_name, marketplace = excluded.marketplace, account = excluded.account,
                buyer_id = excluded.buyer_id, language = excluded.language, current_conversation_id = excluded.current_conversation_id,
                linked_at = excluded.linked_at, unlinked_at = NULL
            """,
            new { link.TelegramUserId, link.ChatId, link.DisplayName, link.Marketplace, link.Account, link.BuyerId, link.Language, link.CurrentConversationId, now },
            session.Transaction);

    public Task<BuyerLink?> FindByUserAsync(DbSession session, long telegramUserId) =>
        session.Connection.QuerySingleOrDefaultAsync<BuyerLink?>(
            $"SELECT {Columns} FROM buyer_links WHERE telegram_user_id = @telegramUserId AND unlinked_at IS NULL",
            new { telegramUserId },
            session.Transaction);

    /// <summary>The Telegram users linked to the buyer of this conversation.</summary>
    public async Task<IReadOnlyList<BuyerLink>> FindForConversationAsync(DbSession session, Conversation conversation) =>
        (await session.Connection.QueryAsync<BuyerLink>(
            $"SELECT {Columns} FROM buyer_links WHERE marketplace = @Marketplace AND account = @Account AND buyer_id = @BuyerId AND unlinked_at IS NULL",
            new { conversation.Marketplace, conversation.Account, conversation.BuyerId },
            session.Transaction)).AsList();

    public Task UnlinkAsync(DbSession session, long telegramUserId, DateTimeOffset now) =>
        session.Connection.ExecuteAsync(
            "UPDATE buyer_links SET unlinked_at = @now WHERE telegram_user_id = @telegramUserId AND unlinked_at IS NULL",
            new { telegramUserId, now },
            session.Transaction);

    /// <summary>The buyer chose a language: their link and all their conversations at this store use it.</summary>
    public Task SetLanguageAsync(DbSession session, BuyerLink link, string language) =>
        session.Connection.ExecuteAsync(
            """
            UPDATE buyer_links SET language = @language WHERE telegram_user_id = @TelegramUserId;
            UPDATE conversations SET buyer_language = @language WHERE marketplace = @Marketplace AND account = @Account AND buyer_id = @BuyerId;
            """,
            new { language, link.TelegramUserId, link.Marketplace, link.Account, link.BuyerId },
            session.Transaction);

    public Task SetCurrentConversationAsync(DbSession session, long telegramUserId, long conversationId) =>
        session.Connection.ExecuteAsync(
            "UPDATE buyer_links SET current_conversation_id = @conversationId WHERE telegram_user_id = @telegramUserId",
            new { telegramUserId, conversationId },
            session.Transaction);

    /// <summary>The conversations of the linked buyer at this store, most recently active first.</summary>
    public async Task<IReadOnlyList<Conversation>> ConversationsOfAsync(DbSession session, BuyerLink link, ConversationRepository conversations)
    {
        var ids = await session.Connection.QueryAsync<long>(
            "SELECT id FROM conversations WHERE marketplace = @Marketplace AND account = @Account AND buyer_id = @BuyerId ORDER BY last_activity_at DESC LIMIT 20",
            new { link.Marketplace, link.Account, link.BuyerId },
            session.Transaction);
        var list = new List<Conversation>();
        foreach (var id in ids)
        {
            list.Add((await conversations.GetAsync(session, id))!);
        }

        return list;
    }
}
