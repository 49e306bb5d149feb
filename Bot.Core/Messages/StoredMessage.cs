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

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The stored message this one answers (a staff reply to a bridge post, or to one part of a merged one).</summary>
    public long? ReplyToMessageId { get; set; }

    public IReadOnlyList<string> ImageUrls => ImagesJson is null ? [] : JsonSerializer.Deserialize<string[]>(ImagesJson) ?? [];
}
