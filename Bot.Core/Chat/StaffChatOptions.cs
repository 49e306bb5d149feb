namespace Bot.Core.Chat;

/// <summary>The staff supergroups (with topics) where every conversation gets a topic, and the language staff write
/// there. The one place the core reads them from: <c>Telegram__StaffChatId</c> (the default group),
/// <c>Telegram__StaffChatIds__0</c>, <c>__1</c>... (more groups for a store whose traffic outgrows one) and
/// <c>Relay__StaffLanguage</c>.</summary>
public sealed class StaffChatOptions
{
    public const string Section = "Telegram";

    public long StaffChatId { get; set; }

    /// <summary>More staff supergroups besides <see cref="StaffChatId"/>: a new conversation goes to the least loaded
    /// one and stays there; each group has its own send budget.</summary>
    public List<long> StaffChatIds { get; set; } = [];

    /// <summary>The language staff read and write (ISO 639-1).</summary>
    public string StaffLanguage { get; set; } = "en";

    /// <summary>Every staff group, the default first, each once.</summary>
    public IReadOnlyList<long> AllStaffChatIds => [.. new[] { StaffChatId }.Concat(StaffChatIds).Distinct()];

    public bool IsStaffChat(long chatId) => chatId == StaffChatId || StaffChatIds.Contains(chatId);
}
