namespace Bot.Core.Chat;

/// <summary>The staff supergroup (with topics) where every conversation gets a topic, and the language staff write
/// there. The one place the core reads them from: <c>Telegram__StaffChatId</c> and <c>Relay__StaffLanguage</c>.</summary>
public sealed class StaffChatOptions
{
    public const string Section = "Telegram";

    public long StaffChatId { get; set; }

    /// <summary>The language staff read and write (ISO 639-1).</summary>
    public string StaffLanguage { get; set; } = "en";
}
