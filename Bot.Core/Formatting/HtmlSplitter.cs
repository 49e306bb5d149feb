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

    public static int PlainLength(string html) => PlainText(html).Length;

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
