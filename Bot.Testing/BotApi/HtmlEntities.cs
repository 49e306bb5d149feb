using System.Globalization;
using System.Text;

namespace Bot.Testing.BotApi;

/// <summary>The entities Telegram decodes in HTML mode: &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones, each ending in ';'.</summary>
internal static class HtmlEntities
{
    /// <summary>Decodes the entity starting at <paramref name="index"/> ('&amp;'); on success index points at its ';'.</summary>
    public static bool TryDecode(string text, ref int index, StringBuilder output)
    {
        var end = text.IndexOf(';', index + 1);
        if (end < 0 || end - index > 12)
        {
            return false;
        }

        var body = text.AsSpan(index + 1, end - index - 1);
        int codePoint;
        if (body.StartsWith("#x", StringComparison.OrdinalIgnoreCase))
        {
            if (!int.TryParse(body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out codePoint))
            {
                return false;
            }
        }
        else if (body.StartsWith("#"))
        {
            if (body.Length < 2 || !int.TryParse(body[1..], NumberStyles.None, CultureInfo.InvariantCulture, out codePoint))
            {
                return false;
            }
        }
        else
        {
            codePoint = body switch
            {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                _ => 0,
            };
        }

        if (codePoint <= 0 || !Rune.IsValid(codePoint))
        {
            return false;
        }

        output.Append(char.ConvertFromUtf32(codePoint));
        index = end;
        return true;
    }
}
