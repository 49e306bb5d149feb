namespace Bot.Core.Translation.Providers;

/// <summary>Splits long text into pieces no longer than a provider's per-request limit, preferring paragraph, then
/// sentence, then whitespace boundaries; the pieces concatenate back to the exact input.</summary>
internal static class TextChunker
{
    private static readonly char[] SentenceEnds = ['.', '!', '?', '…', '。', '！', '？', ';', '\n'];

    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 16);
        var chunks = new List<string>();
        var start = 0;
        while (text.Length - start > maxLength)
        {
            var cut = FindCut(text, start, maxLength);
            chunks.Add(text[start..cut]);
            start = cut;
        }

        if (start < text.Length)
        {
            chunks.Add(text[start..]);
        }

        return chunks;
    }

    private static int FindCut(string text, int start, int maxLength)
    {
        var end = start + maxLength;       // exclusive
        var floor = start + (maxLength / 2); // never cut so early that we make tiny pieces

        var paragraph = text.LastIndexOf("\n\n", end - 1, end - floor, StringComparison.Ordinal);
        if (paragraph > floor)
        {
            return paragraph + 2;
        }

        for (var i = end - 1; i > floor; i--)
        {
            // A sentence end followed by whitespace, or a CJK full stop which needs none.
            if (Array.IndexOf(SentenceEnds, text[i - 1]) >= 0 && (char.IsWhiteSpace(text[i]) || text[i - 1] is '。' or '！' or '？'))
            {
                return SkipWhitespace(text, i, end);
            }
        }

        for (var i = end - 1; i > floor; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i + 1;
            }
        }

        // No boundary at all: cut hard, but not inside a surrogate pair or a ⟦n⟧ placeholder.
        var hard = end;
        if (char.IsLowSurrogate(text[hard]))
        {
            hard--;
        }

        var open = text.LastIndexOf('⟦', hard - 1, hard - start);
        var close = text.LastIndexOf('⟧', hard - 1, hard - start);
        return open > close && open > start ? open : hard;
    }

    private static int SkipWhitespace(string text, int index, int end)
    {
        while (index < end && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }
}
