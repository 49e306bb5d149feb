namespace Bot.Core.Messages;

/// <summary>A message to store.</summary>
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
    DateTimeOffset? SentAt = null);
