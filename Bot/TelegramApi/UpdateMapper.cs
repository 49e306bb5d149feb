using Bot.Core.Chat;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using CoreChatType = Bot.Core.Chat.ChatType;

namespace Bot.TelegramApi;

/// <summary>Turns Bot API updates into what the core understands; anything else is null (and ignored).</summary>
internal static class UpdateMapper
{
    /// <summary>A new message or, with <see cref="IncomingChatMessage.IsEdit"/>, an edited one. A message sent on behalf
    /// of a chat (sender_chat: the group itself for its anonymous admins, whose "from" is the placeholder
    /// GroupAnonymousBot) comes from a person, named by the admin's signature or the chat's title.</summary>
    public static IncomingChatMessage? ToMessage(Update update)
    {
        if ((update.Message ?? update.EditedMessage) is not { From: { } from } message)
        {
            return null;
        }

        var onBehalfOf = message.SenderChat;

        // In a forum every topic message "replies" to the topic's first message: only a reply to something else is a
        // real reply.
        var reply = message.ReplyToMessage is { } replied && replied.MessageId != message.MessageThreadId ? replied : null;

        // Null entries only come from a malformed update; skipping them beats failing the whole update.
        var photo = message.Photo?.Where(p => p is not null).MaxBy(p => p.FileSize ?? (long)p.Width * p.Height);
        return new IncomingChatMessage(
            update.Id,
            message.Chat.Id,
            message.Chat.Type switch
            {
                global::Telegram.Bot.Types.Enums.ChatType.Private => CoreChatType.Private,
                global::Telegram.Bot.Types.Enums.ChatType.Group => CoreChatType.Group,
                global::Telegram.Bot.Types.Enums.ChatType.Supergroup => CoreChatType.Supergroup,
                _ => CoreChatType.Channel,
            },
            message.MessageId,
            message.MessageThreadId,
            message.IsTopicMessage,
            onBehalfOf?.Id ?? from.Id,
            onBehalfOf is null
                ? string.Join(' ', new[] { from.FirstName, from.LastName }.Where(s => !string.IsNullOrWhiteSpace(s)))
                : message.AuthorSignature ?? onBehalfOf.Title ?? "Anonymous admin",
            onBehalfOf is null && from.IsBot,
            from.LanguageCode,
            message.Text ?? message.Caption,
            photo?.FileId,
            reply?.MessageId,
            HasOtherContent(message),
            new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc)))
        {
            IsEdit = update.Message is null,
            Quote = reply is not null && message.Quote is { Text: { Length: > 0 } quoted } quote ? new ChatQuote(quoted, quote.Position, quote.IsManual) : null,
            ReplyToText = reply?.Text ?? reply?.Caption,
            Document = message.Document is { } document ? new ChatFile(document.FileId, document.FileName, document.MimeType, document.FileSize) : null,
        };
    }

    public static IncomingCallback? ToCallback(Update update) =>
        update.CallbackQuery is { Message: { } message, Data: { } data } query
            ? new IncomingCallback(
                update.Id, query.Id, message.Chat.Id, message.MessageId, (message as Message)?.MessageThreadId, query.From.Id,
                string.Join(' ', new[] { query.From.FirstName, query.From.LastName }.Where(s => !string.IsNullOrWhiteSpace(s))), data)
            : null;

    private static bool HasOtherContent(Message message) => message.Type is
        MessageType.Sticker or MessageType.Voice or MessageType.Video or MessageType.VideoNote or MessageType.Document or
        MessageType.Animation or MessageType.Audio or MessageType.Location or MessageType.Contact or MessageType.Poll or
        MessageType.Dice or MessageType.Venue;
}
