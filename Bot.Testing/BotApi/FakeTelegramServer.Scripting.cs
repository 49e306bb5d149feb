using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi;

public sealed partial class FakeTelegramServer
{
    private int _callbackCounter;

    /// <summary>Registers a supergroup (id like -100...), by default a forum where the bot is an admin that may manage topics.</summary>
    public void AddSupergroup(long id, string title, bool forum = true, bool botIsAdmin = true, bool canManageTopics = true)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, 0);
        _state.AddChat(new FakeChat(id, "supergroup")
        {
            Title = title,
            IsForum = forum,
            BotIsAdmin = botIsAdmin,
            CanManageTopics = botIsAdmin && canManageTopics,
        });
    }

    /// <summary>Registers a private chat with a user; the chat id is the user id.</summary>
    public void AddPrivateChat(long userId, string firstName, string? languageCode = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(userId);
        _state.RememberUser(userId, firstName, languageCode);
        _state.AddChat(new FakeChat(userId, "private") { FirstName = firstName, IsForum = _state.Options.PrivateChatTopics });
    }

    /// <summary>Makes a file available to getFile and download; returns its file_id.</summary>
    public string RegisterFile(byte[] bytes) => _state.Files.Add(bytes, "documents", "bin").FileId;

    /// <summary>
    /// A user writes into a chat: queues a "message" update and returns the new message id (the chat's own counter).
    /// <paramref name="text"/> becomes the caption when <paramref name="photoFileId"/> is given.
    /// </summary>
    public int EnqueueMessage(
        long chatId,
        long fromUserId,
        string fromName,
        string? text,
        int? threadId = null,
        int? replyToMessageId = null,
        string? photoFileId = null,
        bool sticker = false,
        string? languageCode = null)
    {
        lock (_state.Gate)
        {
            var chat = _state.RequireChat(chatId);
            var user = _state.RememberUser(fromUserId, fromName, languageCode);
            BlockedChats.UnblockOnWrite(chat, fromUserId);
            var thread = threadId;
            if (replyToMessageId is int replyId && chat.Messages.TryGetValue(replyId, out var target))
            {
                thread ??= target.ThreadId;
            }

            var message = UserMessages.Create(_state, chat, user, text, thread, replyToMessageId, photoFileId, sticker);
            chat.Messages[message.MessageId] = message;
            _state.Updates.Enqueue(new JsonObject { ["message"] = ApiJson.ToNode(MessageRenderer.Render(chat, message)) });
            return message.MessageId;
        }
    }

    /// <summary>A user presses an inline button under a message; returns the callback query id.</summary>
    public string EnqueueCallback(long chatId, int messageId, long fromUserId, string data)
    {
        lock (_state.Gate)
        {
            var chat = _state.RequireChat(chatId);
            var user = _state.FindUser(fromUserId) ?? _state.RememberUser(fromUserId, $"User{fromUserId}", null);
            var message = chat.Messages.TryGetValue(messageId, out var stored)
                ? MessageRenderer.Render(chat, stored)
                : new MessageJson(messageId, 0, chat.ToJson()); // inaccessible message: date 0
            var id = $"{BotUserId}{++_callbackCounter:D6}";
            _state.Callbacks[id] = null;
            var query = new CallbackQueryJson(id, user, message, $"{-chatId}{BotUserId}", data);
            _state.Updates.Enqueue(new JsonObject { ["callback_query"] = ApiJson.ToNode(query) });
            return id;
        }
    }

    /// <summary>Queues any update object (without update_id), e.g. malformed or unsupported input. Returns its update_id, or null if filtered out.</summary>
    public long? EnqueueRaw(string updateJsonWithoutId) =>
        JsonNode.Parse(updateJsonWithoutId) is JsonObject update
            ? _state.Updates.Enqueue(update)
            : throw new JsonException("An update must be a JSON object.");

    /// <summary>Like <see cref="EnqueueRaw"/>, but the JSON text is sent byte for byte: for input a JsonNode cannot carry,
    /// such as a lone surrogate escape (\ud800) that Telegram may send.</summary>
    public long? EnqueueRawText(string updateJsonWithoutId) => _state.Updates.EnqueueText(updateJsonWithoutId);

    /// <summary>A person deletes a topic: later sends into it fail with "message thread not found".</summary>
    public void DeleteTopic(long chatId, int threadId) => ChangeTopic(chatId, threadId, topic => topic.IsDeleted = true);

    /// <summary>A person closes a topic: later sends into it fail with "TOPIC_CLOSED".</summary>
    public void CloseTopic(long chatId, int threadId) => ChangeTopic(chatId, threadId, topic => topic.IsClosed = true);

    private void ChangeTopic(long chatId, int threadId, Action<FakeTopic> change)
    {
        lock (_state.Gate)
        {
            var chat = _state.RequireChat(chatId);
            if (!chat.Topics.TryGetValue(threadId, out var topic))
            {
                throw new ArgumentException($"Chat {chatId} has no topic {threadId}.", nameof(threadId));
            }

            change(topic);
            if (topic.IsDeleted)
            {
                foreach (var id in chat.Messages.Where(m => m.Value.ThreadId == threadId).Select(m => m.Key).ToList())
                {
                    chat.Messages.Remove(id);
                }
            }
        }
    }
}
