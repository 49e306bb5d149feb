using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Bot.Export;

/// <summary>Text on a PDF page: split into runs by font, shaped by HarfBuzz (Arabic joins), wrapped to a width (at
/// spaces, or between any two CJK characters: <see cref="PdfWrap"/>), and drawn right to left where a line starts in a
/// right-to-left script.</summary>
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
    public IReadOnlyList<string> Wrap(string text, float width, float size) => PdfWrap.Lines(this, text, width, size);

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

    internal static SKFont Font(SKTypeface typeface, float size, bool bold) => new(typeface, size) { Embolden = bold, Subpixel = true };
}
