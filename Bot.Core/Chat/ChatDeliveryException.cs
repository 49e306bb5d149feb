namespace Bot.Core.Chat;

/// <summary>A chat platform call failed; <see cref="Exception.Message"/> is the platform's description.</summary>
public sealed class ChatDeliveryException : Exception
{
    public ChatDeliveryException(ChatErrorKind kind, string message, TimeSpan? retryAfter = null, long? migrateToChatId = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        RetryAfter = retryAfter;
        MigrateToChatId = migrateToChatId;
    }

    public ChatErrorKind Kind { get; }

    public TimeSpan? RetryAfter { get; }

    public long? MigrateToChatId { get; }

    /// <summary>Telegram's answer to a change that changes nothing (TOPIC_NOT_MODIFIED: closing a closed topic, reopening
    /// an open one, a topic's own name): what was asked for already holds.</summary>
    public bool IsNotModified => Message.Contains("TOPIC_NOT_MODIFIED", StringComparison.Ordinal);
}
