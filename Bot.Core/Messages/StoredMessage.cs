using System.Text.Json;

namespace Bot.Core.Messages;

/// <summary>A message as stored: the dispute record and the source of every copy.</summary>
public sealed class StoredMessage
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public MessageOrigin Origin { get; set; }

    public AuthorRole Role { get; set; }

    public string? AuthorName { get; set; }

    public string Text { get; set; } = "";

    public string? Language { get; set; }

    public string? ImagesJson { get; set; }

    public string? MarketplaceMessageId { get; set; }

    public long? SourceChatId { get; set; }

    public long? SourceMessageId { get; set; }

    public string? SourceFileId { get; set; }

    /// <summary>The name of the document staff sent; null when <see cref="SourceFileId"/> is a photo.</summary>
    public string? SourceFileName { get; set; }

    /// <summary>The MIME type of the document staff sent; null when <see cref="SourceFileId"/> is a photo.</summary>
    public string? SourceFileType { get; set; }

    public string? FilesJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The stored message this one answers (a staff reply to a bridge post, or to one part of a merged one).</summary>
    public long? ReplyToMessageId { get; set; }

    public IReadOnlyList<string> ImageUrls => ImagesJson is null ? [] : JsonSerializer.Deserialize<string[]>(ImagesJson) ?? [];

    /// <summary>The marketplace message's files other than pictures.</summary>
    public IReadOnlyList<Marketplace.MarketplaceFile> Files => FilesJson is null ? [] : JsonSerializer.Deserialize<Marketplace.MarketplaceFile[]>(FilesJson) ?? [];
}
