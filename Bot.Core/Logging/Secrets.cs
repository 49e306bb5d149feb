using System.Text.RegularExpressions;

namespace Bot.Core.Logging;

/// <summary>Masks what looks like a credential (a bot token, key=value pairs of keys and signatures) in error texts
/// before they are shown on the status page, in alerts or in command replies.</summary>
public static partial class Secrets
{
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var masked = BotToken().Replace(text, "***");
        return KeyValue().Replace(masked, m => $"{m.Groups[1].Value}=***");
    }

    [GeneratedRegex(@"\d{3,}:[A-Za-z0-9_-]{10,}")] // The shape TelegramOptionsValidator accepts.
    private static partial Regex BotToken();

    [GeneratedRegex(@"\b(access_token|refresh_token|app_key|app_secret|client_secret|secret|sign|signature|token|key|password|apikey|api_key)=[^&\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValue();
}
