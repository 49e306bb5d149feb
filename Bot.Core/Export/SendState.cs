namespace Bot.Core.Export;

/// <summary>The newest marketplace delivery of a message written in Telegram: its outbox status and last error.</summary>
public sealed class SendState
{
    public long MessageId { get; set; }

    public string Status { get; set; } = "";

    public string? LastError { get; set; }
}
