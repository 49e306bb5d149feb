using System.Text.Json;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;

namespace Bot.Core.Feedback;

/// <summary>Tells the author of a Telegram message how its delivery went: a reaction (👍 delivered, 👎 not) and, when
/// there is something to say, a reply. Enqueued in the transaction that settles the delivery, as two independent items:
/// the reply first, in the chat's lane, then the reaction in the chat's reaction lane, so that a reaction the chat
/// refuses (or Telegram's trouble with it) never holds back or costs the reply.</summary>
public sealed class StaffFeedback(IOutboxRepository outbox, IMessageRepository messages)
{
    private const int MaxReasonLength = 300;

    /// <param name="reaction">One of <see cref="ChatReactions"/>.</param>
    /// <param name="noticeHtml">A reply to the message (escaped HTML), or null.</param>
    /// <param name="unreactedHtml">What to reply instead when the chat refuses the reaction; null when
    /// <paramref name="noticeHtml"/> already says it all.</param>
    public async Task EnqueueAsync(DbSession session, OutboxItem item, string reaction, string? noticeHtml, string? unreactedHtml = null)
    {
        var source = await messages.GetTelegramSourceAsync(session, item.MessageId);
        if (source.ChatId is not { } chatId || source.MessageId is not { } messageId)
        {
            return; // Not from Telegram: nobody to tell.
        }

        // A negative source id marks a button press (no message of the person's own to react to).
        var target = messageId > 0 ? (int?)messageId : null;
        var topic = (int?)source.TopicId;
        if (noticeHtml is not null)
        {
            var notice = new NoticePayload(chatId, topic, noticeHtml, target);
            await outbox.EnqueueAsync(session, new OutboxEntry(
                OutboxKinds.Notice, OutboxKinds.ChatLane(chatId), item.ConversationId, item.MessageId, chatId, JsonSerializer.Serialize(notice)));
        }

        if (target is { } reactTo)
        {
            // No chat id on the entry: a reaction is not a send, so it takes nothing from the chat's send budget.
            var payload = new ReactionPayload(chatId, reactTo, reaction, topic, noticeHtml is null ? unreactedHtml : null);
            await outbox.EnqueueAsync(session, new OutboxEntry(
                OutboxKinds.Reaction, OutboxKinds.ReactionLane(chatId), item.ConversationId, item.MessageId, null, JsonSerializer.Serialize(payload)));
        }
    }

    /// <summary>A delivery error as staff read it: secrets removed, shortened, escaped.</summary>
    public static string Reason(string reason)
    {
        var text = Logging.Secrets.Redact(reason);
        return Formatting.Html.Escape(text.Length > MaxReasonLength ? text[..MaxReasonLength] + "…" : text);
    }
}
