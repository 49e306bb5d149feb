using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Buyers;

/// <summary>Relays what a linked buyer writes in Telegram: stored once, then to the marketplace conversation
/// (labelled as written in Telegram) and to the staff topic (translated).</summary>
public sealed class BuyerMessageRelay(MessageRepository messages, OutboxStore outbox, RelayMetrics metrics, Microsoft.Extensions.Options.IOptions<StaffChatOptions> options)
{
    /// <returns>False when this Telegram message was already relayed.</returns>
    public async Task<bool> RelayAsync(DbSession session, Conversation conversation, BuyerLink link, long sourceMessageId, string text, DateTimeOffset sentAt)
    {
        var id = await messages.InsertAsync(session, new NewMessage(
            conversation.Id, NewMessage.FromTelegram, AuthorRole.Buyer, link.DisplayName, text,
            SourceChatId: link.ChatId, SourceMessageId: sourceMessageId, SentAt: sentAt));
        if (id is null)
        {
            metrics.DuplicateDropped(AuthorRole.Buyer);
            return false;
        }

        await outbox.EnqueueAsync(session, new OutboxEntry(OutboxKinds.MarketplaceSend, OutboxKinds.MarketplaceLane(conversation.Id), conversation.Id, id));
        await outbox.EnqueueAsync(session, new OutboxEntry(OutboxKinds.StaffPost, OutboxKinds.StaffLane(conversation.Id), conversation.Id, id, options.Value.StaffChatId));
        metrics.Received(AuthorRole.Buyer);
        return true;
    }

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
        return rows.Select(r => (r.Item1, r.Item2, Storage.SqliteTypeHandlers.Parse(r.Item3))).ToList();
    }
}
