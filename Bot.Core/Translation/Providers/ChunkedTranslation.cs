namespace Bot.Core.Translation.Providers;

/// <summary>Translates a text piece by piece and joins the pieces with the whitespace that separated them
/// (providers trim what they return).</summary>
internal static class ChunkedTranslation
{
    public static async Task<string> TranslateAsync(
        string text,
        int maxLength,
        Func<string, CancellationToken, Task<string>> translatePiece,
        CancellationToken cancellationToken)
    {
        var pieces = TextChunker.Split(text, maxLength);
        var parts = new string[pieces.Count];
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var core = piece.Trim();
            if (core.Length == 0)
            {
                parts[i] = piece;
                continue;
            }

            var lead = piece[..piece.IndexOf(core[0], StringComparison.Ordinal)];
            var trail = piece[(lead.Length + core.Length)..];
            var translated = await translatePiece(core, cancellationToken);
            parts[i] = lead + translated.Trim() + trail;
        }

        return string.Concat(parts);
    }
}
