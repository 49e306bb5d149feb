namespace Bot.Export;

/// <summary>Finds the PDF export's font files under a directory and tells whether they are fonts, by their first four
/// bytes, without loading the drawing library: the start-up check stays cheap, and SkiaSharp and the fonts are
/// loaded by the first PDF (<see cref="PdfFontsOnFirstUse"/>).</summary>
internal static class PdfFontFiles
{
    /// <summary>The files looked for, first preferred. One that draws Latin letters is needed at least.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf", "NotoSansHebrew-Regular.ttf", "NotoSansCJK-Regular.ttc",
        "NotoSansThai-Regular.ttf", "DejaVuSans.ttf",
    ];

    /// <summary>Of those, the ones that hold Latin letters.</summary>
    private static readonly string[] Latin = ["NotoSans-Regular.ttf", "NotoSansCJK-Regular.ttc", "DejaVuSans.ttf"];

    /// <summary>The files found under the directory (with its subfolders), in order of preference.</summary>
    public static IReadOnlyList<string> Find(string directory)
    {
        var found = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.tt?", SearchOption.AllDirectories).GroupBy(Path.GetFileName).ToDictionary(g => g.Key!, g => g.First())
            : [];
        return Names.Where(found.ContainsKey).Select(name => found[name]).ToList();
    }

    /// <summary>Null when a font that draws Latin letters is there; else the sentence that says what to install.</summary>
    public static string? Problem(string directory) =>
        Find(directory).Any(path => Latin.Contains(Path.GetFileName(path)) && IsFont(path)) ? null : Missing(directory);

    /// <summary>The sentence for a directory without the fonts.</summary>
    public static string Missing(string directory) =>
        $"Export__FontDirectory ({directory}) holds none of the fonts the PDF export draws with ({string.Join(", ", Names)}): "
        + "install Debian's fonts-noto-core and fonts-noto-cjk (or fonts-dejavu), point Export__FontDirectory at them, or set Export__Pdf=false.";

    /// <summary>A TrueType or OpenType font or collection starts with 00 01 00 00, "true", "OTTO" or "ttcf".</summary>
    private static bool IsFont(string path)
    {
        try
        {
            Span<byte> head = stackalloc byte[4];
            using var file = File.OpenRead(path);
            if (file.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4)
            {
                return false;
            }

            return head.SequenceEqual((ReadOnlySpan<byte>)[0, 1, 0, 0]) || head.SequenceEqual("true"u8) || head.SequenceEqual("OTTO"u8)
                || head.SequenceEqual("ttcf"u8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
