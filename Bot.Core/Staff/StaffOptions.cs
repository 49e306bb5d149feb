namespace Bot.Core.Staff;

/// <summary>How conversations are shown to staff (section "Relay"; the staff chat itself is
/// <see cref="Chat.StaffChatOptions"/>).</summary>
public sealed class StaffOptions
{
    public const string Section = "Relay";

    /// <summary>The largest photo taken from the marketplace for upload to Telegram (Telegram allows 10 MB).</summary>
    public int MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Buyer messages of one conversation that are due together (they waited for the staff group's budget) go
    /// out as one Telegram message, and a new conversation's order card travels with its first messages
    /// (<c>Relay__MergePosts</c>; false: one Telegram message per stored message, the card alone).</summary>
    public bool MergePosts { get; set; } = true;
}
