namespace Bot.Core.Formatting;

/// <summary>A piece of a Telegram message: its HTML, and its length as Telegram counts it (text without tags).</summary>
public sealed record HtmlBlock(string Html, int PlainLength)
{
    public static HtmlBlock Text(string plain) => new(Formatting.Html.Escape(plain), plain.Length);

    public static HtmlBlock Raw(string html, int plainLength) => new(html, plainLength);

    /// <summary>Wraps escaped text in a tag; the tag adds nothing to the counted length.</summary>
    public static HtmlBlock Wrapped(string openTag, string closeTag, string plain) => new(openTag + Formatting.Html.Escape(plain) + closeTag, plain.Length);

    /// <summary>Joins blocks into messages of at most <paramref name="maxLength"/> counted characters. Text longer than
    /// that must already have been split by the caller.</summary>
    public static IReadOnlyList<string> Pack(IEnumerable<HtmlBlock> blocks, int maxLength)
    {
        var messages = new List<string>();
        var html = new System.Text.StringBuilder();
        var length = 0;
        foreach (var block in blocks)
        {
            var separator = length == 0 ? 0 : 1;
            if (length > 0 && length + separator + block.PlainLength > maxLength)
            {
                messages.Add(html.ToString());
                html.Clear();
                length = 0;
                separator = 0;
            }

            if (separator == 1)
            {
                html.Append('\n');
            }

            html.Append(block.Html);
            length += separator + block.PlainLength;
        }

        if (length > 0)
        {
            messages.Add(html.ToString());
        }

        return messages;
    }
}
