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

    /// <summary>The command word (lower case, without the slash or "@BotName") and the text after it; null when the
    /// message is not a command.</summary>
    public (string Name, string Arguments)? Command()
    {
        if (!IsCommand)
        {
            return null;
        }

        var text = Text!.Trim();
        var space = text.IndexOfAny([' ', '\n']);
        var word = (space < 0 ? text[1..] : text[1..space]).Split('@')[0].ToLowerInvariant();
        return (word, space < 0 ? "" : text[(space + 1)..].Trim());
    }
}
