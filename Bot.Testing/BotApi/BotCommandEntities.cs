using System.Text.RegularExpressions;
using Bot.Testing.BotApi.Json;

namespace Bot.Testing.BotApi;

/// <summary>The bot_command entities Telegram adds to a user's text: "/" and 1–64 Latin letters, digits or underscores,
/// optionally "@" and a bot username of 3–32 of the same, neither preceded nor followed by a word character, "/", "&lt;"
/// or "&gt;" (the rules of Telegram's own entity parser, td's match_bot_commands). "/pause@OtherBot" is one entity.</summary>
internal static partial class BotCommandEntities
{
    public static IReadOnlyList<MessageEntityJson>? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var found = Command().Matches(text).Select(m => new MessageEntityJson("bot_command", m.Index, m.Length)).ToList();
        return found.Count > 0 ? found : null;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{M}\p{N}_/<>])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\p{L}\p{M}\p{N}_/<>])", RegexOptions.CultureInvariant)]
    private static partial Regex Command();
}
