namespace Bot.Core.Messages;

/// <summary>A message to store.</summary>
/// <param name="ReplyToMessageId">The stored message this one answers (a staff reply to a bridge post), if known.</param>
public sealed record NewMessage(
    long ConversationId,
    MessageOrigin Origin,
    AuthorRole Author,
    string? AuthorName,
    string Text,
    IReadOnlyList<string>? ImageUrls = null,
    string? MarketplaceMessageId = null,
    long? SourceChatId = null,
    long? SourceMessageId = null,
    string? SourceFileId = null,
    DateTimeOffset? SentAt = null,
    long? ReplyToMessageId = null);
