namespace Bot.Core.Messages;

/// <summary>A message to store.</summary>
/// <param name="ReplyToMessageId">The stored message this one answers (a staff reply to a bridge post), if known.</param>
/// <param name="Files">A marketplace message's files other than pictures.</param>
/// <param name="SourceFileName">The name of the document staff sent (<paramref name="SourceFileId"/>); null for a photo.</param>
/// <param name="SourceFileType">The MIME type of that document; null for a photo.</param>
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
    IReadOnlyList<Marketplace.MarketplaceFile>? Files = null,
    string? SourceFileName = null,
    string? SourceFileType = null,
    long? ReplyToMessageId = null);
