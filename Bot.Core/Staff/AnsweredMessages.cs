using Bot.Core.Chat;
using Bot.Core.Messages;
using Bot.Core.Storage;

namespace Bot.Core.Staff;

/// <summary>The stored message a staff reply in a topic answers: the bridge post it replies to or, when that Telegram
/// message carries several merged posts, the one its quote falls in (the last one without a quote).</summary>
public sealed class AnsweredMessages(IMessageRepository messages)
{
    /// <returns>The answered message's id; null when the reply is to no bridge post (or to nothing).</returns>
    public async Task<long?> FindAsync(DbSession session, IncomingChatMessage reply)
    {
        if (reply.ReplyToMessageId is not { } replied)
        {
            return null;
        }

        var parts = await messages.GetPostedPartsAsync(session, reply.ChatId, replied);
        return parts.Count == 0 ? null : parts[QuotedPart.Of(parts, reply.ReplyToText, reply.Quote)].MessageId;
    }
}
