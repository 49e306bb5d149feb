using System.Globalization;

namespace Bot.Core.Formatting;

/// <summary>Cuts text only between text elements (grapheme clusters), so that no emoji, surrogate pair, ZWJ sequence
/// or letter with its combining marks is split in half.</summary>
public static class TextElements
{
    /// <summary>The text itself when it fits in <paramref name="maxLength"/> UTF-16 code units (the way Telegram counts),
    /// else its longest whole-element prefix followed by <paramref name="ellipsis"/>, within the same length.</summary>
    public static string Truncate(string text, int maxLength, string ellipsis = "…")
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var budget = maxLength - ellipsis.Length;
        ArgumentOutOfRangeException.ThrowIfNegative(budget, nameof(maxLength));
        var end = 0;
        while (end < text.Length)
        {
            var next = StringInfo.GetNextTextElementLength(text.AsSpan(end));
            if (end + next > budget)
            {
                break;
            }

            end += next;
        }

        return text[..end].TrimEnd() + ellipsis;
    }
}
