using System.Text.Json.Nodes;
using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi;

/// <summary>More of what people and Telegram itself do: anonymous admins, edits, stale button presses, restarted ids.</summary>
public sealed partial class FakeTelegramServer
{
    /// <summary>The placeholder sender of anonymous group admins' messages (from), with the group as sender_chat.</summary>
    public const long GroupAnonymousBotId = 1087968824;

    /// <summary>An anonymous admin writes in a group: from is GroupAnonymousBot (a bot), sender_chat the group itself.
    /// Returns the message id.</summary>
    public int EnqueueAnonymousAdminMessage(long chatId, string text, int? threadId = null, string? signature = null)
    {
        lock (_state.Gate)
        {
            var chat = _state.RequireChat(chatId);
            var message = new StoredMessage
            {
                ChatId = chat.Id,
                MessageId = chat.NextMessageId(),
                From = new UserJson(GroupAnonymousBotId, true, "Group", "GroupAnonymousBot"),
                SenderChat = chat.ToJson(),
                AuthorSignature = signature,
                Date = _state.Now,
                ThreadId = threadId,
                Text = text,
                VisibleText = text,
            };
            chat.Messages[message.MessageId] = message;
            _state.Updates.Enqueue(new JsonObject { ["message"] = ApiJson.ToNode(MessageRenderer.Render(chat, message)) });
            return message.MessageId;
        }
    }

    /// <summary>A user edits the text (or caption) of a message they sent: queues an "edited_message" update.</summary>
    public void EditUserMessage(long chatId, int messageId, string newText)
    {
        lock (_state.Gate)
        {
            var chat = _state.RequireChat(chatId);
            if (!chat.Messages.TryGetValue(messageId, out var message) || message.From.Id == BotUserId)
            {
                throw new ArgumentException($"Chat {chatId} has no user message {messageId}.", nameof(messageId));
            }

            if (message.Caption is not null)
            {
                message.Caption = newText;
            }
            else
            {
                message.Text = newText;
            }

            message.VisibleText = newText;
            message.EditedAt = _state.Now;
            _state.Updates.Enqueue(new JsonObject { ["edited_message"] = ApiJson.ToNode(MessageRenderer.Render(chat, message)) });
        }
    }

    /// <summary>The press is too old to answer (e.g. it waited through a restart): answerCallbackQuery then fails with
    /// 400 "query is too old and response timeout expired or query ID is invalid".</summary>
    public void ExpireCallback(string callbackQueryId)
    {
        lock (_state.Gate)
        {
            _state.Callbacks.Remove(callbackQueryId);
        }
    }

    /// <summary>Telegram restarts update ids (after a week without updates): the next update gets <paramref name="firstId"/>.</summary>
    public void RestartUpdateIds(long firstId) => _state.Updates.RestartIds(firstId);
}
