using System.Globalization;
using System.Text;

namespace Bot.Export;

/// <summary>Line breaking for the PDF: at spaces, between any two CJK characters, and inside a word only when it is
/// longer than a whole line.</summary>
internal static class PdfWrap
{
    /// <summary>The text's lines within the width; its own line breaks are kept.</summary>
    public static IReadOnlyList<string> Lines(PdfText text, string paragraphs, float width, float size)
    {
        var lines = new List<string>();
        foreach (var paragraph in paragraphs.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var token in Tokens(paragraph))
            {
                if (line.Length > 0 && text.Width(line + token, size) > width)
                {
                    lines.Add(line.ToString().TrimEnd());
                    line.Clear();
                    if (string.IsNullOrWhiteSpace(token))
                    {
                        continue;
                    }
                }

                if (line.Length == 0 && text.Width(token, size) > width)
                {
                    var pieces = Pieces(text, token, width, size);
                    lines.AddRange(pieces[..^1]);
                    line.Append(pieces[^1]);
                    continue;
                }

                line.Append(token);
            }

            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }

    /// <summary>Words and spaces; every CJK character is a token of its own (lines break between them).</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var token = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var alone = Rune.IsWhiteSpace(rune) || rune.Value is >= 0x2E80 and <= 0x9FFF or >= 0xAC00 and <= 0xD7AF or >= 0xF900 and <= 0xFAFF or >= 0xFF00 and <= 0xFFEF;
            if (alone || (token.Length > 0 && Rune.IsWhiteSpace(Rune.GetRuneAt(token.ToString(), 0))))
            {
                if (token.Length > 0)
                {
                    yield return token.ToString();
                    token.Clear();
                }
            }

            token.Append(rune.ToString());
            if (alone && !Rune.IsWhiteSpace(rune))
            {
                yield return token.ToString();
                token.Clear();
            }
        }

        if (token.Length > 0)
        {
            yield return token.ToString();
        }
    }

    /// <summary>A word too long for a line, cut between text elements; the last piece starts the next line.</summary>
    private static List<string> Pieces(PdfText text, string word, float width, float size)
    {
        var pieces = new List<string>();
        var piece = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && text.Width(piece + element, size) > width)
            {
                pieces.Add(piece.ToString());
                piece.Clear();
            }

            piece.Append(element);
        }

        pieces.Add(piece.ToString());
        return pieces;
    }
}
