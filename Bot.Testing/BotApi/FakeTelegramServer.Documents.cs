using System.Text.Json.Nodes;
using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi;

public sealed partial class FakeTelegramServer
{
    /// <summary>A user sends a file (a "document" message, <paramref name="caption"/> as its caption): registers the bytes
    /// for getFile and queues the update. <paramref name="declaredSize"/> overrides the file_size Telegram reports (for
    /// files too large to hold in a test). Returns the new message id.</summary>
    public int EnqueueDocument(
        long chatId, long fromUserId, string fromName, byte[] bytes, string fileName, string? mimeType,
        string? caption = null, int? threadId = null, long? declaredSize = null)
    {
        lock (_state.Gate)
        {
            var chat = _state.RequireChat(chatId);
            var user = _state.RememberUser(fromUserId, fromName, null);
            var file = _state.Files.Add(bytes, "documents", Path.GetExtension(fileName).TrimStart('.') is { Length: > 0 } ext ? ext : "bin");
            var message = new StoredMessage
            {
                ChatId = chat.Id,
                MessageId = chat.NextMessageId(),
                From = user,
                Date = _state.Now,
                ThreadId = threadId,
                Caption = caption,
                VisibleText = caption,
                Document = new DocumentJson(file.FileId, file.FileUniqueId, fileName, declaredSize ?? bytes.Length, mimeType),
            };
            chat.Messages[message.MessageId] = message;
            _state.Updates.Enqueue(new JsonObject { ["message"] = ApiJson.ToNode(MessageRenderer.Render(chat, message)) });
            return message.MessageId;
        }
    }
}
