using Microsoft.Extensions.Options;

namespace Bot.Export;

/// <summary>The PDF export's fonts, loaded (with SkiaSharp's native library) by the first PDF rendered rather than at
/// start: a bridge that never exports a PDF does not hold them. The start-up check only looks at the files
/// (<see cref="PdfFontFiles"/>).</summary>
internal sealed class PdfFontsOnFirstUse(IOptions<PdfOptions> options) : IDisposable
{
    private readonly Lazy<PdfFonts> fonts = new(() => Load(options.Value.FontDirectory), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The fonts, loaded on the first call; a font file that passed the start-up check but cannot be read
    /// fails here with the same sentence.</summary>
    public PdfFonts Get() => fonts.Value;

    public void Dispose()
    {
        if (fonts.IsValueCreated)
        {
            fonts.Value.Dispose();
        }
    }

    private static PdfFonts Load(string directory)
    {
        var (loaded, problem) = PdfFonts.Load(directory);
        return loaded ?? throw new InvalidOperationException(problem);
    }
}
