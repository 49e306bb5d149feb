using System.Net;
using System.Text.RegularExpressions;

namespace Bot.Core.Formatting;

/// <summary>Splits the bridge's own HTML (a note, a list) into messages within Telegram's limit, counted as Telegram
/// counts: the visible text in UTF-16 code units. Whole lines stay whole where they fit and their tags are balanced;
/// anything else is cut as plain text, so no message is ever refused as too long.</summary>
public static partial class HtmlSplitter
{
    public static IReadOnlyList<string> Split(string html, int maxLength)
    {
        if (PlainLength(html) <= maxLength)
        {
            return [html];
        }

        var lines = html.Split('\n');
        if (!lines.All(Balanced))
        {
            return Plain(html, maxLength).Select(b => b.Html).ToList();
        }

        return HtmlBlock.Pack(lines.SelectMany(line => Line(line, maxLength)), maxLength);
    }

    /// <summary>The text Telegram shows for this HTML (tags dropped, entities decoded).</summary>
    public static string PlainText(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    /// <summary>The length of <see cref="PlainText"/>, counted without building it when the HTML's only entities are
    /// the four <see cref="Html.Escape"/> writes (the bridge's own HTML); any other entity is decoded as the text is.</summary>
    public static int PlainLength(string html)
    {
        var length = 0;
        for (var i = 0; i < html.Length; i++)
        {
            var rest = html.AsSpan(i);
            if (rest[0] == '<' && TagLength(rest) is > 0 and var tag)
            {
                i += tag - 1;
                continue;
            }

            if (rest[0] == '&')
            {
                var entity = EscapedEntityLength(rest);
                if (entity == 0)
                {
                    return PlainText(html).Length;
                }

                i += entity - 1;
            }

            length++;
        }

        return length;
    }

    /// <summary>How long the tag at the start of <paramref name="html"/> is, as <see cref="Tag"/> matches it (a letter
    /// after <c>&lt;</c> or <c>&lt;/</c>, up to the next <c>&gt;</c>); 0 when none starts there.</summary>
    private static int TagLength(ReadOnlySpan<char> html)
    {
        var name = html.Length > 1 && html[1] == '/' ? 2 : 1;
        if (name >= html.Length || !char.IsAsciiLetter(html[name]))
        {
            return 0;
        }

        var end = html[name..].IndexOf('>');
        return end < 0 ? 0 : name + end + 1;
    }

    private static int EscapedEntityLength(ReadOnlySpan<char> html)
    {
        foreach (var entity in (ReadOnlySpan<string>)["&lt;", "&gt;", "&amp;", "&quot;"])
        {
            if (html.StartsWith(entity, StringComparison.Ordinal))
            {
                return entity.Length;
            }
        }

        return 0;
    }

    private static IEnumerable<HtmlBlock> Line(string line, int maxLength)
    {
        var length = PlainLength(line);
        return length <= maxLength ? [HtmlBlock.Raw(line, length)] : Plain(line, maxLength);
    }

    private static IEnumerable<HtmlBlock> Plain(string html, int maxLength) =>
        TextSplitter.Split(PlainText(html), maxLength).Select(HtmlBlock.Text);

    private static bool Balanced(string line)
    {
        var open = new Stack<string>();
        foreach (Match tag in Tag().Matches(line))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (!tag.Groups["close"].Success)
            {
                open.Push(name);
            }
            else if (open.Count == 0 || open.Pop() != name)
            {
                return false;
            }
        }

        return open.Count == 0;
    }

    [GeneratedRegex("<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9-]*)[^>]*>")]
    private static partial Regex Tag();
}
