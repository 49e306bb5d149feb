namespace Bot.Core.Chat;

/// <summary>A photo upload; the caption is HTML of at most <see cref="ChatLimits.MaxCaptionLength"/> characters.</summary>
public sealed record ChatPhoto(
    long ChatId,
    int? TopicId,
    byte[] Content,
    string FileName,
    string? CaptionHtml = null,
    int? ReplyToMessageId = null);
