using System.Text.RegularExpressions;

namespace Bot.Core.Chat;

/// <summary>A bot command at the start of a message, recognised the way Telegram marks a bot_command entity: a slash,
/// 1–64 Latin letters, digits or underscores, optionally "@" and a bot's username (3–32 of the same), and then no
/// word character, "/", "&lt;" or "&gt;". So "/invite", "/pause@StoreBot" and "/12" are commands; "/ ok", "/path/to"
/// and "/привет" are not (Telegram shows them as plain text, and so does the bridge).</summary>
/// <param name="Name">Lower case, without the slash or the bot's name.</param>
/// <param name="Addressee">The bot's username after "@", or null when the command names no bot.</param>
public sealed partial record BotCommand(string Name, string Arguments, string? Addressee)
{
    public static BotCommand? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        var match = Pattern().Match(trimmed);
        return match.Success
            ? new BotCommand(
                match.Groups["name"].Value.ToLowerInvariant(),
                trimmed[match.Length..].Trim(),
                match.Groups["bot"].Success ? match.Groups["bot"].Value : null)
            : null;
    }

    [GeneratedRegex(@"\A/(?<name>[A-Za-z0-9_]{1,64})(?:@(?<bot>[A-Za-z0-9_]{3,32}))?(?![\p{L}\p{M}\p{N}_/<>])", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
