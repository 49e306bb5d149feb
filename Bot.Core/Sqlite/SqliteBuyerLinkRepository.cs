using Bot.Core.Buyers;
using Bot.Core.Conversations;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IBuyerLinkRepository"/>.</summary>
internal sealed class SqliteBuyerLinkRepository : IBuyerLinkRepository
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

    public Task<BuyerLink?> FindByUserAsync(DbSession session, long telegramUserId) =>
        session.Connection.QuerySingleOrDefaultAsync<BuyerLink?>(
            $"SELECT {Columns} FROM buyer_links WHERE telegram_user_id = @telegramUserId AND unlinked_at IS NULL",
            new { telegramUserId },
            session.Transaction);

    public async Task<IReadOnlyList<BuyerLink>> FindForConversationAsync(DbSession session, Conversation conversation) =>
        (await session.Connection.QueryAsync<BuyerLink>(
            $"SELECT {Columns} FROM buyer_links WHERE {OfBuyer} AND blocked_at IS NULL",
            new { conversation.Marketplace, conversation.Account, conversation.BuyerId },
            session.Transaction)).AsList();

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

    public async Task<bool> MarkBlockedAsync(DbSession session, long telegramUserId, DateTimeOffset now) =>
        await session.Connection.ExecuteAsync(
            "UPDATE buyer_links SET blocked_at = @now WHERE telegram_user_id = @telegramUserId AND unlinked_at IS NULL AND blocked_at IS NULL",
            new { telegramUserId, now },
            session.Transaction) == 1;

    public async Task<bool> ReactivateAsync(DbSession session, long telegramUserId) =>
        await session.Connection.ExecuteAsync(
            "UPDATE buyer_links SET blocked_at = NULL WHERE telegram_user_id = @telegramUserId AND unlinked_at IS NULL AND blocked_at IS NOT NULL",
            new { telegramUserId },
            session.Transaction) == 1;

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

    public Task SavePendingAsync(DbSession session, BuyerLink link, long messageId, string text, DateTimeOffset now) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO buyer_pending (telegram_user_id, chat_id, message_id, text, created_at) VALUES (@TelegramUserId, @ChatId, @messageId, @text, @now)
            ON CONFLICT (chat_id, message_id) DO UPDATE SET telegram_user_id = excluded.telegram_user_id, text = excluded.text, created_at = excluded.created_at
            """,
            new { link.TelegramUserId, link.ChatId, messageId, text, now },
            session.Transaction);

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
