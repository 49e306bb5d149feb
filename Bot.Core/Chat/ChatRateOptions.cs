namespace Bot.Core.Chat;

/// <summary>Telegram's send budgets (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
/// The defaults keep a small margin below the published figures.</summary>
public sealed class ChatRateOptions
{
    /// <summary>Messages per second to one private chat.</summary>
    public int PrivatePerSecond { get; set; } = 1;

    /// <summary>Messages per minute to one group or supergroup, all of its topics together.</summary>
    public int GroupPerMinute { get; set; } = 20;

    /// <summary>Messages per second across all chats.</summary>
    public int GlobalPerSecond { get; set; } = 30;
}
