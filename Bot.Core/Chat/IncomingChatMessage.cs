namespace Bot.Core.Chat;

/// <summary>A message a person sent to the bot, as the core sees it (the host maps Telegram updates to this).</summary>
/// <param name="TopicId">The forum topic (message_thread_id) when <see cref="IsTopicMessage"/>.</param>
/// <param name="PhotoFileId">The largest size of an attached photo.</param>
/// <param name="HasOtherContent">A sticker, voice, video, document... something the bridge cannot relay.</param>
public sealed record IncomingChatMessage(
    long UpdateId,
    long ChatId,
    ChatType ChatType,
    int MessageId,
    int? TopicId,
    bool IsTopicMessage,
    long FromUserId,
    string FromName,
    bool FromIsBot,
    string? LanguageCode,
    string? Text,
    string? PhotoFileId,
    int? ReplyToMessageId,
    bool HasOtherContent,
    DateTimeOffset Date)
{
    /// <summary>True when the text starts with a bot command ("/start", "/invite@MyBot").</summary>
    public bool IsCommand => Text is { Length: > 1 } t && t[0] == '/';
}
