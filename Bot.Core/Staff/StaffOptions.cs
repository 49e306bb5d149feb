namespace Bot.Core.Staff;

/// <summary>How conversations are shown to staff (section "Relay"; the staff chat itself is
/// <see cref="Chat.StaffChatOptions"/>).</summary>
public sealed class StaffOptions
{
    public const string Section = "Relay";

    /// <summary>The largest photo taken from the marketplace for upload to Telegram (Telegram allows 10 MB).</summary>
    public int MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;
}
