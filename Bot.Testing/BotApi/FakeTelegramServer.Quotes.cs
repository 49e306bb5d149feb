using System.Text.Json.Nodes;
using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi;

/// <summary>Replies that quote part of the replied message, as Telegram clients send them.</summary>
public sealed partial class FakeTelegramServer
{
    /// <summary>A user replies to a message quoting part of its text: the update's message carries "quote" (text,
    /// position in UTF-16 code units, is_manual) beside reply_to_message, as Telegram gives it. A quote must be text of
    /// the replied message (Telegram's clients cannot quote anything else): otherwise this throws. Returns the new
    /// message id.</summary>
    /// <param name="occurrence">Which occurrence of <paramref name="quote"/> the user selected, from 0.</param>
    public int EnqueueQuotingReply(long chatId, long fromUserId, string fromName, string text, int replyToMessageId, string quote, int occurrence = 0)
    {
        lock (_state.Gate)
        {
            var chat = _state.RequireChat(chatId);
            if (!chat.Messages.TryGetValue(replyToMessageId, out var target))
            {
                throw new ArgumentException($"Chat {chatId} has no message {replyToMessageId} to quote.", nameof(replyToMessageId));
            }

            var position = -1;
            for (var i = 0; i <= occurrence; i++)
            {
                position = (target.VisibleText ?? "").IndexOf(quote, position + 1, StringComparison.Ordinal);
                if (quote.Length == 0 || position < 0)
                {
                    throw new ArgumentException($"QUOTE_TEXT_INVALID: “{quote}” is not in message {replyToMessageId}.", nameof(quote));
                }
            }

            var user = _state.RememberUser(fromUserId, fromName, null);
            var message = UserMessages.Create(_state, chat, user, text, target.ThreadId, replyToMessageId, null, false, new TextQuoteJson(quote, position, true));
            chat.Messages[message.MessageId] = message;
            _state.Updates.Enqueue(new JsonObject { ["message"] = ApiJson.ToNode(MessageRenderer.Render(chat, message)) });
            return message.MessageId;
        }
    }
}
