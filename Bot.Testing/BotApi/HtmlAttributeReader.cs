using System.Text;

namespace Bot.Testing.BotApi;

/// <summary>Reads one attribute of a start tag: name="value", name='value', name=token, or a bare "expandable".</summary>
internal static class HtmlAttributeReader
{
    /// <summary>Returns an error detail, or null with <paramref name="i"/> past the attribute.</summary>
    public static string? Read(string html, ref int i, string tag, int tagBegin, out string name, out string value)
    {
        name = string.Empty;
        value = string.Empty;
        SkipSpaces(html, ref i);
        if (TelegramHtml.At(html, i) == '>')
        {
            return null;
        }

        if (i >= html.Length)
        {
            return TelegramHtml.UnclosedStartTag(html, tagBegin);
        }

        var nameStart = i;
        while (i < html.Length && !TelegramHtml.IsSpace(html[i]) && html[i] != '=' && html[i] != '>')
        {
            i++;
        }

        name = html[nameStart..i].ToLowerInvariant();
        if (name.Length == 0)
        {
            return $"Empty attribute name in the tag \"{tag}\" at byte offset {TelegramHtml.ByteOffset(html, tagBegin)}";
        }

        SkipSpaces(html, ref i);
        if (TelegramHtml.At(html, i) != '=')
        {
            if (tag == "blockquote" && name == "expandable")
            {
                return null;
            }

            return i >= html.Length
                ? TelegramHtml.UnclosedStartTag(html, tagBegin)
                : $"Expected equal sign in declaration of an attribute of the tag \"{tag}\" at byte offset {TelegramHtml.ByteOffset(html, tagBegin)}";
        }

        i++;
        SkipSpaces(html, ref i);
        if (i >= html.Length)
        {
            return TelegramHtml.UnclosedStartTag(html, tagBegin);
        }

        return html[i] is '"' or '\''
            ? ReadQuoted(html, ref i, tagBegin, out value)
            : ReadToken(html, ref i, out value);
    }

    private static string? ReadQuoted(string html, ref int i, int tagBegin, out string value)
    {
        var quote = html[i++];
        var builder = new StringBuilder();
        while (i < html.Length && html[i] != quote)
        {
            if (html[i] == '&' && HtmlEntities.TryDecode(html, ref i, builder))
            {
                i++;
                continue;
            }

            builder.Append(html[i++]);
        }

        value = builder.ToString();
        if (i >= html.Length)
        {
            return TelegramHtml.UnclosedStartTag(html, tagBegin);
        }

        i++;
        return null;
    }

    private static string? ReadToken(string html, ref int i, out string value)
    {
        var start = i;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '.' or '-'))
        {
            i++;
        }

        value = html[start..i].ToLowerInvariant();
        return i < html.Length && (TelegramHtml.IsSpace(html[i]) || html[i] == '>')
            ? null
            : $"Unexpected end of name token at byte offset {TelegramHtml.ByteOffset(html, start)}";
    }

    private static void SkipSpaces(string html, ref int i)
    {
        while (i < html.Length && TelegramHtml.IsSpace(html[i]))
        {
            i++;
        }
    }
}
