namespace Bot.Core.Formatting;

/// <summary>Splits text into pieces of at most a given length, preferring paragraph, line, sentence and word
/// boundaries, and never cutting a surrogate pair in half.</summary>
public static class TextSplitter
{
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 16);
        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > maxLength)
        {
            var cut = FindCut(rest[..(maxLength + 1)]);
            var piece = rest[..cut].TrimEnd();
            if (piece.Length > 0)
            {
                parts.Add(piece.ToString());
            }

            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    /// <summary>Where to cut a window of maxLength + 1 characters: after the last good boundary in its second half.</summary>
    private static int FindCut(ReadOnlySpan<char> window)
    {
        var limit = window.Length - 1;
        var floor = limit / 2;
        foreach (var boundary in new[] { "\n\n", "\n", ". ", "! ", "? ", "。", " " })
        {
            var at = window[..limit].LastIndexOf(boundary.AsSpan());
            if (at >= floor)
            {
                return at + boundary.Length;
            }
        }

        // No boundary: a hard cut, stepping back if it would split a surrogate pair.
        return char.IsHighSurrogate(window[limit - 1]) ? limit - 1 : limit;
    }
}
