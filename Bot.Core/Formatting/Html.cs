using System.Text;

namespace Bot.Core.Formatting;

/// <summary>Escaping for Telegram's HTML parse mode: every piece of marketplace or user text goes through here.</summary>
public static class Html
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>A link, only for http(s) URLs; anything else is shown as escaped text.</summary>
    public static string Link(string? url, string label) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"<a href=\"{Escape(uri.AbsoluteUri)}\">{Escape(label)}</a>"
            : Escape(label);
}
