namespace Bot.Core.Chat;

/// <summary>A message a person sent to the bot, as the core sees it (the host maps Telegram updates to this).</summary>
/// <param name="TopicId">The forum topic (message_thread_id) when <see cref="IsTopicMessage"/>.</param>
/// <param name="PhotoFileId">The largest size of an attached photo.</param>
/// <param name="HasOtherContent">A sticker, voice, video, document... something other than text or a photo (a document is
/// also in <see cref="Document"/>, which may be relayed).</param>
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
    /// <summary>True when the text (or caption) starts with a bot command ("/start", "/invite@MyBot"), as Telegram
    /// recognises one (<see cref="BotCommand"/>); "/ ok" or "/path/to" is text.</summary>
    public bool IsCommand => ParsedCommand is not null;

    /// <summary>The bot a command is addressed to ("/pause@OtherBot" gives "OtherBot"); null when it names none.</summary>
    public string? CommandAddressee => ParsedCommand?.Addressee;

    /// <summary>True for an edited_message update: the text is the message's new text.</summary>
    public bool IsEdit { get; init; }

    /// <summary>The part of the replied message this reply quotes; null when it quotes nothing.</summary>
    public ChatQuote? Quote { get; init; }

    /// <summary>The replied message's text (or caption) as people see it, when this is a reply: where a
    /// <see cref="Quote"/>'s position points.</summary>
    public string? ReplyToText { get; init; }

    /// <summary>A file (document) the message carries; its caption is <see cref="Text"/>.</summary>
    public ChatFile? Document { get; init; }

    private BotCommand? ParsedCommand => BotCommand.Parse(Text);

    /// <summary>The command word (lower case, without the slash or "@BotName") and the text after it; null when the
    /// message is not a command.</summary>
    public (string Name, string Arguments)? Command() => ParsedCommand is { } c ? (c.Name, c.Arguments) : null;
}
