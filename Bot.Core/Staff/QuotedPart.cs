using Bot.Core.Chat;
using Bot.Core.Messages;

namespace Bot.Core.Staff;

/// <summary>Which of the stored messages one Telegram message shows a reply answers: the one a quote falls in, else the
/// last (the newest, the one a reply most likely answers). Each part is found in the replied message's text by its words
/// (translation, then original), in order, so a card above them or an edit of the card moves nothing.</summary>
public static class QuotedPart
{
    /// <returns>The index in <paramref name="parts"/> (which must not be empty) of the answered message.</returns>
    public static int Of(IReadOnlyList<PostedPart> parts, string? repliedText, ChatQuote? quote)
    {
        var last = parts.Count - 1;
        if (quote is null || parts.Count == 1)
        {
            return last;
        }

        if (repliedText is not null && Ends(parts, repliedText) is { } ends)
        {
            // A part runs from the end of the one before (its header included) to the end of its own original.
            var position = Nearest(repliedText, quote);
            for (var i = 0; i < last; i++)
            {
                if (position < ends[i])
                {
                    return i;
                }
            }

            return last;
        }

        // The text is not there to measure (or does not read as expected): the only part whose words hold the quote.
        var holders = Enumerable.Range(0, parts.Count).Where(i => Holds(parts[i], quote.Text)).ToList();
        return holders.Count == 1 ? holders[0] : last;
    }

    /// <summary>Telegram calls the position approximate: the occurrence of the quoted words nearest to it.</summary>
    private static int Nearest(string text, ChatQuote quote)
    {
        var best = quote.Position;
        var distance = int.MaxValue;
        for (var at = text.IndexOf(quote.Text, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quote.Text, at + 1, StringComparison.Ordinal))
        {
            if (Math.Abs(at - quote.Position) < distance)
            {
                (best, distance) = (at, Math.Abs(at - quote.Position));
            }
        }

        return best;
    }

    /// <summary>Where each part's words end in the message's text; null when one cannot be found.</summary>
    private static int[]? Ends(IReadOnlyList<PostedPart> parts, string text)
    {
        var ends = new int[parts.Count];
        var from = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            foreach (var words in new[] { parts[i].Translation?.Trim(), parts[i].Text.Trim() })
            {
                if (string.IsNullOrEmpty(words))
                {
                    continue;
                }

                var at = text.IndexOf(words, from, StringComparison.Ordinal);
                if (at < 0)
                {
                    return null;
                }

                from = at + words.Length;
            }

            ends[i] = from;
        }

        return ends;
    }

    private static bool Holds(PostedPart part, string quote) =>
        part.Text.Contains(quote, StringComparison.Ordinal) || part.Translation?.Contains(quote, StringComparison.Ordinal) == true;
}
