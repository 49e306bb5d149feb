using System.Globalization;
using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Bot.Export;

/// <summary>Text on a PDF page: split into runs by font, shaped by HarfBuzz (Arabic joins), wrapped to a width (at
/// spaces, or between any two CJK characters), and drawn right to left where a line starts in a right-to-left script.</summary>
internal sealed class PdfText(PdfFonts fonts) : IDisposable
{
    private readonly Dictionary<SKTypeface, SKShaper> shapers = [];

    public IReadOnlyList<PdfRun> Runs(string text)
    {
        var runs = new List<PdfRun>();
        var current = new StringBuilder();
        SKTypeface? typeface = null;
        foreach (var rune in text.EnumerateRunes())
        {
            // Spaces, digits and punctuation stay in the current run when its font has them (an Arabic sentence stays one run).
            var next = typeface is not null && (Rune.IsWhiteSpace(rune) || (!Rune.IsLetter(rune) && fonts.Has(typeface, rune))) ? typeface : fonts.For(rune);
            if (typeface is not null && next != typeface)
            {
                runs.Add(new PdfRun(current.ToString(), typeface));
                current.Clear();
            }

            typeface = next;
            current.Append(rune.ToString());
        }

        if (typeface is not null && current.Length > 0)
        {
            runs.Add(new PdfRun(current.ToString(), typeface));
        }

        return runs;
    }

    public float Width(string text, float size) => Runs(text).Sum(run => Shape(run, size).Width);

    /// <summary>The text's lines within the width; its own line breaks are kept.</summary>
    public IReadOnlyList<string> Wrap(string text, float width, float size)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var token in Tokens(paragraph))
            {
                if (line.Length > 0 && Width(line + token, size) > width)
                {
                    lines.Add(line.ToString().TrimEnd());
                    line.Clear();
                    if (string.IsNullOrWhiteSpace(token))
                    {
                        continue;
                    }
                }

                if (line.Length == 0 && Width(token, size) > width)
                {
                    var pieces = Pieces(token, width, size);
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

    /// <summary>Draws one line with its left edge at x (its right edge at x + width for a right-to-left line).</summary>
    public void Draw(SKCanvas canvas, string line, float x, float y, float width, float size, SKColor color, bool bold = false)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        var runs = Runs(line);
        var rightToLeft = StartsRightToLeft(line);
        var at = rightToLeft ? x + width : x;
        foreach (var run in runs)
        {
            using var font = Font(run.Typeface, size, bold);
            var shaped = Shape(run, size).Width;
            if (rightToLeft)
            {
                at -= shaped;
            }

            canvas.DrawShapedText(Shaper(run.Typeface), run.Text, at, y, SKTextAlign.Left, font, paint);
            if (!rightToLeft)
            {
                at += shaped;
            }
        }
    }

    public void Dispose()
    {
        foreach (var shaper in shapers.Values)
        {
            shaper.Dispose();
        }
    }

    private static bool StartsRightToLeft(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                return rune.Value is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF;
            }
        }

        return false;
    }

    private SKShaper.Result Shape(PdfRun run, float size)
    {
        using var font = Font(run.Typeface, size, false);
        return Shaper(run.Typeface).Shape(run.Text, font);
    }

    private SKShaper Shaper(SKTypeface typeface) =>
        shapers.TryGetValue(typeface, out var shaper) ? shaper : shapers[typeface] = new SKShaper(typeface);

    private static SKFont Font(SKTypeface typeface, float size, bool bold) => new(typeface, size) { Embolden = bold, Subpixel = true };

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
    private List<string> Pieces(string word, float width, float size)
    {
        var pieces = new List<string>();
        var piece = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && Width(piece + element, size) > width)
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
