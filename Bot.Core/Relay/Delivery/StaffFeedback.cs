using System.Text.Json;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Relay.Delivery;

/// <summary>Tells the author of a Telegram message how its delivery went: a reaction (✅ or ⚠️) and, when there is
/// something to say, a short reply. Enqueued in the transaction that settles the delivery.</summary>
public sealed class StaffFeedback(OutboxStore outbox)
{
    public async Task EnqueueAsync(DbSession session, OutboxItem item, string emoji, string? noticeHtml)
    {
        var source = await session.Connection.QuerySingleOrDefaultAsync<(long? ChatId, long? MessageId, long? TopicId)>(
            """
            SELECT m.source_chat_id, m.source_message_id, b.topic_id
            FROM messages m LEFT JOIN thread_bindings b ON b.conversation_id = m.conversation_id AND b.chat_id = m.source_chat_id
            WHERE m.id = @id
            """,
            new { id = item.MessageId },
            session.Transaction);
        if (source.ChatId is not { } chatId || source.MessageId is not { } messageId)
        {
            return; // Not from Telegram: nobody to tell.
        }

        // A negative source id marks a button press (no message of the person's own to react to).
        var target = messageId > 0 ? (int?)messageId : null;
        if (target is null && noticeHtml is null)
        {
            return;
        }

        var payload = new NoticePayload(chatId, (int?)source.TopicId, noticeHtml ?? "", target, target is null ? null : emoji);
        await outbox.EnqueueAsync(session, new OutboxEntry(
            OutboxKinds.Notice, OutboxKinds.ChatLane(chatId), item.ConversationId, item.MessageId, noticeHtml is null ? null : chatId,
            JsonSerializer.Serialize(payload)));
    }
}
