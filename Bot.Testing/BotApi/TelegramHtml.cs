using System.Text;

namespace Bot.Testing.BotApi;

/// <summary>
/// Validates parse_mode=HTML the way Telegram does (after tdlib's parse_html): supported tags only, properly nested,
/// every '&lt;' starts a tag. Error texts follow Telegram's "can't parse entities" details.
/// </summary>
internal static class TelegramHtml
{
    private static readonly HashSet<string> SupportedTags = new(StringComparer.Ordinal)
    {
        "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
        "code", "pre", "blockquote", "tg-emoji",
    };

    public static HtmlParseResult Parse(string html, bool rejectBareAmpersand)
    {
        var text = new StringBuilder(html.Length);
        var open = new Stack<string>();
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '&')
            {
                if (HtmlEntities.TryDecode(html, ref i, text))
                {
                    continue;
                }

                if (rejectBareAmpersand)
                {
                    return Fail($"Can't find end of the entity starting at byte offset {ByteOffset(html, i)}");
                }
            }

            if (c != '<')
            {
                text.Append(c);
                continue;
            }

            var error = At(html, i + 1) == '/' ? ReadEndTag(html, ref i, open) : ReadStartTag(html, ref i, open);
            if (error is not null)
            {
                return Fail(error);
            }
        }

        return open.Count > 0
            ? Fail($"Can't find end tag corresponding to start tag \"{open.Peek()}\"")
            : HtmlParseResult.Success(text.ToString());
    }

    private static string? ReadStartTag(string html, ref int i, Stack<string> open)
    {
        var begin = i++;
        var nameStart = i;
        while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
        {
            i++;
        }

        if (i >= html.Length)
        {
            return UnclosedStartTag(html, begin);
        }

        var tag = html[nameStart..i].ToLowerInvariant();
        if (!SupportedTags.Contains(tag))
        {
            return $"Unsupported start tag \"{tag}\" at byte offset {ByteOffset(html, begin)}";
        }

        string? spanClass = null;
        while (At(html, i) != '>')
        {
            var attribute = HtmlAttributeReader.Read(html, ref i, tag, begin, out var name, out var value);
            if (attribute is not null)
            {
                return attribute;
            }

            if (tag == "span" && name == "class")
            {
                spanClass = value;
            }
        }

        if (tag == "span" && spanClass != "tg-spoiler")
        {
            return $"Tag \"span\" must have class \"tg-spoiler\" at byte offset {ByteOffset(html, begin)}";
        }

        open.Push(tag);
        return null;
    }

    private static string? ReadEndTag(string html, ref int i, Stack<string> open)
    {
        var begin = i;
        if (open.Count == 0)
        {
            return $"Unexpected end tag at byte offset {ByteOffset(html, begin)}";
        }

        i += 2;
        var nameStart = i;
        while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
        {
            i++;
        }

        var name = html[nameStart..i].ToLowerInvariant();
        while (i < html.Length && IsSpace(html[i]))
        {
            i++;
        }

        if (At(html, i) != '>')
        {
            return $"Unclosed end tag at byte offset {ByteOffset(html, begin)}";
        }

        var expected = open.Pop();
        return name.Length > 0 && name != expected
            ? $"Unmatched end tag at byte offset {ByteOffset(html, begin)}, expected \"</{expected}>\", found \"</{name}>\""
            : null;
    }

    internal static string UnclosedStartTag(string html, int begin) => $"Unclosed start tag at byte offset {ByteOffset(html, begin)}";

    internal static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    internal static char At(string html, int i) => i < html.Length ? html[i] : '\0';

    internal static int ByteOffset(string html, int index) => Encoding.UTF8.GetByteCount(html.AsSpan(0, index));

    private static HtmlParseResult Fail(string detail) => HtmlParseResult.Failure("can't parse entities: " + detail);
}
