using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi;

/// <summary>Turns a stored message into the Bot API Message object.</summary>
internal static class MessageRenderer
{
    public static MessageJson Render(FakeChat chat, StoredMessage message, bool includeReply = true) =>
        new(message.MessageId, ApiJson.UnixSeconds(message.Date), chat.ToJson())
        {
            From = message.From,
            SenderChat = message.SenderChat,
            AuthorSignature = message.AuthorSignature,
            MessageThreadId = message.ThreadId,
            IsTopicMessage = chat.IsForum && message.ThreadId is not null ? true : null,
            ReplyToMessage = includeReply ? RenderReply(chat, message) : null,
            Quote = message.ReplyToMessageId is null ? null : message.Quote,
            EditDate = message.EditedAt is DateTimeOffset edited ? ApiJson.UnixSeconds(edited) : null,
            Text = message.Text is null ? null : message.VisibleText,
            Entities = message.Text is null ? null : BotCommandEntities.Find(message.VisibleText),
            Caption = message.Caption is null ? null : message.VisibleText,
            CaptionEntities = message.Caption is null ? null : BotCommandEntities.Find(message.VisibleText),
            Photo = message.Photo,
            Sticker = message.Sticker,
            Document = message.Document,
            ForumTopicCreated = message.TopicCreated,
            ReplyMarkup = message.ReplyMarkup?.DeepClone(),
        };

    /// <summary>
    /// A reply points at its target. In a forum topic a message that replies to nothing still carries the
    /// topic's "forum_topic_created" service message as reply_to_message, as Telegram does.
    /// </summary>
    private static MessageJson? RenderReply(FakeChat chat, StoredMessage message)
    {
        var targetId = message.ReplyToMessageId
            ?? (chat.IsForum && message.TopicCreated is null ? message.ThreadId : null);
        if (targetId is not int id)
        {
            return null;
        }

        return chat.Messages.TryGetValue(id, out var target)
            ? Render(chat, target, includeReply: false)
            : new MessageJson(id, ApiJson.UnixSeconds(message.Date), chat.ToJson());
    }
}
