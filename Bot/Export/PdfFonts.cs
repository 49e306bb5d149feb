using System.Text;
using SkiaSharp;

namespace Bot.Export;

/// <summary>The fonts a PDF draws with, in order of preference; each character takes the first that has it, so Latin,
/// Cyrillic, Arabic, Hebrew and Chinese all show.</summary>
internal sealed class PdfFonts : IDisposable
{
    private readonly IReadOnlyList<SKTypeface> typefaces;
    private readonly IReadOnlyList<SKFont> probes;

    private PdfFonts(IReadOnlyList<SKTypeface> typefaces)
    {
        this.typefaces = typefaces;
        probes = typefaces.Select(t => new SKFont(t)).ToList();
    }

    /// <summary>The fonts found under the directory, or the sentence that says what to install.</summary>
    public static (PdfFonts? Fonts, string? Problem) Load(string directory)
    {
        var typefaces = PdfFontFiles.Find(directory).Select(path => SKTypeface.FromFile(path)).Where(t => t is not null).ToList();
        var fonts = new PdfFonts(typefaces);
        if (typefaces.Count > 0 && fonts.For(new Rune('A')) is { } latin && fonts.probes[fonts.IndexOf(latin)].ContainsGlyph('A'))
        {
            return (fonts, null);
        }

        fonts.Dispose();
        return (null, PdfFontFiles.Missing(directory));
    }

    /// <summary>The typeface for one character: the first that has it, else the first (which draws a box).</summary>
    public SKTypeface For(Rune rune)
    {
        for (var i = 0; i < probes.Count; i++)
        {
            if (probes[i].ContainsGlyph(rune.Value))
            {
                return typefaces[i];
            }
        }

        return typefaces[0];
    }

    /// <summary>Whether this typeface (one of these fonts) has the character.</summary>
    public bool Has(SKTypeface typeface, Rune rune) => probes[IndexOf(typeface)].ContainsGlyph(rune.Value);

    private int IndexOf(SKTypeface typeface) => typefaces.ToList().IndexOf(typeface);

    public void Dispose()
    {
        foreach (var probe in probes)
        {
            probe.Dispose();
        }

        foreach (var typeface in typefaces)
        {
            typeface.Dispose();
        }
    }
}
