namespace Bot.Core.Chat;

/// <summary>A file upload (sendDocument, at most <see cref="ChatLimits.MaxDocumentBytes"/>); the caption is HTML of at
/// most <see cref="ChatLimits.MaxCaptionLength"/> characters.</summary>
public sealed record ChatDocument(
    long ChatId,
    int? TopicId,
    byte[] Content,
    string FileName,
    string? CaptionHtml = null,
    int? ReplyToMessageId = null);
