using Bot.Core.Conversations;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Buyers;

/// <summary>Links between Telegram users and marketplace buyers. A link is active, blocked (the user blocked the bot;
/// revived when they write again) or unlinked (final). A marketplace buyer has at most one link that is not unlinked,
/// and a link to an empty buyer id never reaches anything.</summary>
public sealed class BuyerLinkRepository
{
    private const string Columns = """
        telegram_user_id AS TelegramUserId, chat_id AS ChatId, display_name AS DisplayName, marketplace, account, buyer_id AS BuyerId,
        language, current_conversation_id AS CurrentConversationId, blocked_at AS BlockedAt
        """;

    private const string OfBuyer = "marketplace = @Marketplace AND account = @Account AND buyer_id = @BuyerId AND TRIM(buyer_id) <> '' AND unlinked_at IS NULL";

    public Task LinkAsync(DbSession session, BuyerLink link, DateTimeOffset now) =>
        session.Connection.ExecuteAsync(
            """
            DELETE FROM buyer_pending WHERE telegram_user_id = @TelegramUserId;
            INSERT INTO buyer_links (telegram_user_id, chat_id, display_name, marketplace, account, buyer_id, language, current_conversation_id, linked_at)
            VALUES (@TelegramUserId, @ChatId, @DisplayName, @Marketplace, @Account, @BuyerId, @Language, @CurrentConversationId, @now)
            ON CONFLICT (telegram_user_id) DO UPDATE SET
                chat_id = excluded.chat_id, display_name = excluded.display_name, marketplace = excluded.marketplace, account = excluded.account,
                buyer_id = excluded.buyer_id, language = excluded.language, current_conversation_id = excluded.current_conversation_id,
                linked_at = excluded.linked_at, unlinked_at = NULL, blocked_at = NULL
            """,
            new { link.TelegramUserId, link.ChatId, link.DisplayName, link.Marketplace, link.Account, link.BuyerId, link.Language, link.CurrentConversationId, now },
            session.Transaction);

    /// <summary>The user's link, active or blocked (a blocked user who writes again is reactivated by the caller).</summary>
    public Task<BuyerLink?> FindByUserAsync(DbSession session, long telegramUserId) =>
        session.Connection.QuerySingleOrDefaultAsync<BuyerLink?>(
            $"SELECT {Columns} FROM buyer_links WHERE telegram_user_id = @telegramUserId AND unlinked_at IS NULL",
            new { telegramUserId },
            session.Transaction);

    /// <summary>The Telegram users who receive this conversation: the buyer's active link, none for an empty buyer id.</summary>
    public async Task<IReadOnlyList<BuyerLink>> FindForConversationAsync(DbSession session, Conversation conversation) =>
        (await session.Connection.QueryAsync<BuyerLink>(
            $"SELECT {Columns} FROM buyer_links WHERE {OfBuyer} AND blocked_at IS NULL",
            new { conversation.Marketplace, conversation.Account, conversation.BuyerId },
            session.Transaction)).AsList();

    /// <summary>Every link of the conversation's buyer that is not unlinked, blocked ones included.</summary>
    public async Task<IReadOnlyList<BuyerLink>> FindAllForBuyerAsync(DbSession session, string marketplace, string account, string buyerId) =>
        (await session.Connection.QueryAsync<BuyerLink>(
            $"SELECT {Columns} FROM buyer_links WHERE {OfBuyer}",
            new { Marketplace = marketplace, Account = account, BuyerId = buyerId },
            session.Transaction)).AsList();

    public Task UnlinkAsync(DbSession session, long telegramUserId, DateTimeOffset now) =>
        session.Connection.ExecuteAsync(
            """
            UPDATE buyer_links SET unlinked_at = @now WHERE telegram_user_id = @telegramUserId AND unlinked_at IS NULL;
            DELETE FROM buyer_pending WHERE telegram_user_id = @telegramUserId;
            """,
            new { telegramUserId, now },
            session.Transaction);

    /// <returns>True when the link was active until now (so staff are told once).</returns>
    public async Task<bool> MarkBlockedAsync(DbSession session, long telegramUserId, DateTimeOffset now) =>
        await session.Connection.ExecuteAsync(
            "UPDATE buyer_links SET blocked_at = @now WHERE telegram_user_id = @telegramUserId AND unlinked_at IS NULL AND blocked_at IS NULL",
            new { telegramUserId, now },
            session.Transaction) == 1;

    /// <returns>True when the link was blocked until now.</returns>
    public async Task<bool> ReactivateAsync(DbSession session, long telegramUserId) =>
        await session.Connection.ExecuteAsync(
            "UPDATE buyer_links SET blocked_at = NULL WHERE telegram_user_id = @telegramUserId AND unlinked_at IS NULL AND blocked_at IS NOT NULL",
            new { telegramUserId },
            session.Transaction) == 1;

    /// <summary>The buyer chose a language: their link and all their conversations at this store use it.</summary>
    public Task SetLanguageAsync(DbSession session, BuyerLink link, string language) =>
        session.Connection.ExecuteAsync(
            """
            UPDATE buyer_links SET language = @language WHERE telegram_user_id = @TelegramUserId;
            UPDATE conversations SET buyer_language = @language
            WHERE marketplace = @Marketplace AND account = @Account AND buyer_id = @BuyerId AND TRIM(buyer_id) <> '';
            """,
            new { language, link.TelegramUserId, link.Marketplace, link.Account, link.BuyerId },
            session.Transaction);

    public Task SetCurrentConversationAsync(DbSession session, long telegramUserId, long conversationId) =>
        session.Connection.ExecuteAsync(
            "UPDATE buyer_links SET current_conversation_id = @conversationId WHERE telegram_user_id = @telegramUserId",
            new { telegramUserId, conversationId },
            session.Transaction);

    /// <summary>The conversations of the linked buyer at this store, most recently active first (at most 20, one query);
    /// none without a buyer id.</summary>
    public async Task<IReadOnlyList<Conversation>> ConversationsOfAsync(DbSession session, BuyerLink link, ConversationRepository conversations) =>
        BuyerLink.IsBuyerId(link.BuyerId)
            ? await conversations.ListOfBuyerAsync(session, link.Marketplace, link.Account, link.BuyerId, 20)
            : [];

    /// <summary>Keeps a buyer's message that waits for a choice of order (replacing one with the same id).</summary>
    public Task SavePendingAsync(DbSession session, BuyerLink link, long messageId, string text, DateTimeOffset now) =>
        session.Connection.ExecuteAsync(
            "INSERT OR REPLACE INTO buyer_pending (telegram_user_id, chat_id, message_id, text, created_at) VALUES (@TelegramUserId, @ChatId, @messageId, @text, @now)",
            new { link.TelegramUserId, link.ChatId, messageId, text, now },
            session.Transaction);

    /// <summary>Takes the buyer's messages that waited for a choice of order, oldest first.</summary>
    public async Task<IReadOnlyList<(long MessageId, string Text, DateTimeOffset CreatedAt)>> TakePendingAsync(DbSession session, long telegramUserId)
    {
        var rows = (await session.Connection.QueryAsync<(long, string, string)>(
            "SELECT message_id, text, created_at FROM buyer_pending WHERE telegram_user_id = @telegramUserId ORDER BY created_at, message_id",
            new { telegramUserId },
            session.Transaction)).ToList();
        await session.Connection.ExecuteAsync("DELETE FROM buyer_pending WHERE telegram_user_id = @telegramUserId", new { telegramUserId }, session.Transaction);
        return rows.Select(r => (r.Item1, r.Item2, SqliteTypeHandlers.Parse(r.Item3))).ToList();
    }
}
