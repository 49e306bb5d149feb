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

    // Read with every message of a conversation (is its buyer linked?) and every message a buyer writes: statements.
    private static readonly Statement ByUser = new(
        $"SELECT {Columns} FROM buyer_links WHERE telegram_user_id = @telegramUserId AND unlinked_at IS NULL", "@telegramUserId");

    private static readonly Statement ForConversation = new(
        $"SELECT {Columns} FROM buyer_links WHERE {OfBuyer} AND blocked_at IS NULL", "@Marketplace", "@Account", "@BuyerId");

    private static readonly Statement AllForBuyer = new($"SELECT {Columns} FROM buyer_links WHERE {OfBuyer}", "@Marketplace", "@Account", "@BuyerId");

    /// <summary>A row in the order of <see cref="Columns"/>.</summary>
    private static BuyerLink ReadLink(System.Data.Common.DbDataReader r) => new()
    {
        TelegramUserId = r.GetInt64(0),
        ChatId = r.GetInt64(1),
        DisplayName = Statement.StringOrNull(r, 2),
        Marketplace = r.GetString(3),
        Account = r.GetString(4),
        BuyerId = r.GetString(5),
        Language = Statement.StringOrNull(r, 6),
        CurrentConversationId = Statement.Int64OrNull(r, 7),
        BlockedAt = Statement.TimeOrNull(r, 8),
    };

    public Task<BuyerLink?> FindByUserAsync(DbSession session, long telegramUserId) =>
        ByUser.QueryFirstAsync<BuyerLink?>(session, ReadLink, null, telegramUserId);

    public async Task<IReadOnlyList<BuyerLink>> FindForConversationAsync(DbSession session, Conversation conversation) =>
        await ForConversation.QueryAsync(session, ReadLink, conversation.Marketplace, conversation.Account, conversation.BuyerId);

    public async Task<IReadOnlyList<BuyerLink>> FindAllForBuyerAsync(DbSession session, string marketplace, string account, string buyerId) =>
        await AllForBuyer.QueryAsync(session, ReadLink, marketplace, account, buyerId);

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
