using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;

namespace Bot.Core.Buyers;

/// <summary>Relays what a linked buyer writes in Telegram: stored once, then to the marketplace conversation
/// (labelled as written in Telegram) and to the staff topic (translated).</summary>
public sealed class BuyerMessageRelay(IMessageRepository messages, IOutboxRepository outbox, RelayMetrics metrics, StaffChatChooser staffChats)
{
    /// <returns>False when this Telegram message was already relayed.</returns>
    public async Task<bool> RelayAsync(DbSession session, Conversation conversation, BuyerLink link, long sourceMessageId, string text, DateTimeOffset sentAt)
    {
        var id = await messages.InsertAsync(session, new NewMessage(
            conversation.Id, MessageOrigin.Telegram, AuthorRole.Buyer, link.DisplayName, text,
            SourceChatId: link.ChatId, SourceMessageId: sourceMessageId, SentAt: sentAt));
        if (id is null)
        {
            metrics.DuplicateDropped(AuthorRole.Buyer);
            return false;
        }

        await outbox.EnqueueAsync(session, new OutboxEntry(OutboxKinds.MarketplaceSend, OutboxKinds.MarketplaceLane(conversation.Id), conversation.Id, id));
        await outbox.EnqueueAsync(session, new OutboxEntry(OutboxKinds.StaffPost, OutboxKinds.StaffLane(conversation.Id), conversation.Id, id, await staffChats.ChatForAsync(session, conversation.Id)));
        metrics.Received(AuthorRole.Buyer);
        return true;
    }
}
