namespace Bot.Testing.BotApi;

/// <summary>A message the bot sent, as the fake received it (Text and Caption raw, VisibleText as users see it).</summary>
public sealed record SentMessage(
    long ChatId,
    int MessageId,
    int? ThreadId,
    string? Text,
    string? Caption,
    string? ParseMode,
    string? VisibleText,
    int? ReplyToMessageId,
    string? ReplyMarkupJson,
    IReadOnlyList<SentButton> Buttons,
    byte[]? Photo,
    DateTimeOffset SentAt,
    DateTimeOffset? EditedAt)
{
    /// <summary>The bytes of a document (sendDocument), null for other messages.</summary>
    public byte[]? Document { get; init; }

    public string? DocumentName { get; init; }
}
