using System.ComponentModel.DataAnnotations;

namespace Bot.TelegramApi;

/// <summary>Section "Telegram": how to reach the Bot API. The staff chat, in the same section, is read by
/// <see cref="Bot.Core.Chat.StaffChatOptions"/>.</summary>
public sealed class TelegramOptions
{
    /// <summary>The token BotFather gave, like 123456789:AAH...; a secret, never logged.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The Bot API server; tests point it at their fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Long-poll timeout of getUpdates.</summary>
    [Range(0, 50)]
    public int PollTimeoutSeconds { get; set; } = 25;

    /// <summary>Timeout of one Bot API request other than the long poll.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
