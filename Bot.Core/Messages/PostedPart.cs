namespace Bot.Core.Messages;

/// <summary>One stored message as a Telegram message shows it: several share a message when posts were merged.</summary>
public sealed class PostedPart
{
    public long MessageId { get; set; }

    /// <summary>The stored (original) text.</summary>
    public string Text { get; set; } = "";

    /// <summary>The translation shown above the original; null when the original was shown alone.</summary>
    public string? Translation { get; set; }
}
