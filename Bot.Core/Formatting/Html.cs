using System.Buffers;
using System.Text;

namespace Bot.Core.Formatting;

/// <summary>Escaping for Telegram's HTML parse mode: every piece of marketplace or user text goes through here.</summary>
public static class Html
{
    private static readonly SearchValues<char> Special = SearchValues.Create("<>&\"");

    /// <summary>The text with <c>&lt; &gt; &amp; "</c> as entities; a text without any is returned as it is.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var first = text.AsSpan().IndexOfAny(Special);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            var entity = c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                _ => null,
            };
            if (entity is null)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(entity);
            }
        }

        return builder.ToString();
    }

    /// <summary>A link, only for http(s) URLs; anything else is shown as escaped text.</summary>
    public static string Link(string? url, string label) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"<a href=\"{Escape(uri.AbsoluteUri)}\">{Escape(label)}</a>"
            : Escape(label);
}
