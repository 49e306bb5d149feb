using System.Text;
using SkiaSharp;

namespace Bot.Export;

/// <summary>The fonts a PDF draws with, in order of preference; each character takes the first that has it, so Latin,
/// Cyrillic, Arabic, Hebrew and Chinese all show.</summary>
internal sealed class PdfFonts : IDisposable
{
    /// <summary>The files looked for, first preferred. One of the first or the last is needed at least.</summary>
    public static readonly IReadOnlyList<string> Files =
    [
        "NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf", "NotoSansHebrew-Regular.ttf", "NotoSansCJK-Regular.ttc",
        "NotoSansThai-Regular.ttf", "DejaVuSans.ttf",
    ];

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
        var found = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.tt?", SearchOption.AllDirectories).GroupBy(Path.GetFileName).ToDictionary(g => g.Key!, g => g.First())
            : [];
        var typefaces = Files.Where(found.ContainsKey).Select(name => SKTypeface.FromFile(found[name])).Where(t => t is not null).ToList();
        var fonts = new PdfFonts(typefaces);
        if (typefaces.Count > 0 && fonts.For(new Rune('A')) is { } latin && fonts.probes[fonts.IndexOf(latin)].ContainsGlyph('A'))
        {
            return (fonts, null);
        }

        fonts.Dispose();
        return (null, $"Export__FontDirectory ({directory}) holds none of the fonts the PDF export draws with ({string.Join(", ", Files)}): "
                + "install Debian's fonts-noto-core and fonts-noto-cjk (or fonts-dejavu), point Export__FontDirectory at them, or set Export__Pdf=false.");
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
