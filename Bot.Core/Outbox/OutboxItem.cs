namespace Bot.Core.Outbox;

/// <summary>A pending delivery as read back from the outbox.</summary>
public sealed class OutboxItem
{
    public long Id { get; set; }

    public string Kind { get; set; } = "";

    public string Lane { get; set; } = "";

    public long? ConversationId { get; set; }

    public long? MessageId { get; set; }

    public long? ChatId { get; set; }

    public string? Payload { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the current run of failures began; null while the delivery has not failed.</summary>
    public DateTimeOffset? FailingSince { get; set; }
}
