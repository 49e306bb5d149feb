namespace Bot.Core.Messages;

/// <summary>One copy made of a message: a Telegram message, or a marketplace post (whose id arrives with its echo).</summary>
public sealed class MessageCopy
{
    public long Id { get; set; }

    public long MessageId { get; set; }

    public CopyTarget Target { get; set; }

    public int Part { get; set; }

    public long? ChatId { get; set; }

    public long? TopicId { get; set; }

    public string? RemoteMessageId { get; set; }

    public string? Text { get; set; }

    public string? Language { get; set; }

    public string? Provider { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the marketplace accepted this post (marketplace copies only; null: not sent, or not known to have arrived).</summary>
    public DateTimeOffset? AcceptedAt { get; set; }
}
