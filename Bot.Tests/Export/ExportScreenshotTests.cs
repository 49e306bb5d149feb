using System.Diagnostics;
using Bot.Core.Export;
using Bot.Export;
using Bot.Tests.Operations;

namespace Bot.Tests.Export;

/// <summary>The export as people see it: the HTML page in headless chromium (at a desktop's and a phone's width, nothing
/// cut off sideways) and the PDF's first page through poppler's pdftoppm. The images go to a temporary folder, and to
/// the folder in EXPORT_SCREENSHOTS when set (the README's way to refresh docs/export-*.png).</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)] // no database: the same in both passes
[Harness.RunsLong]
public sealed class ExportScreenshotTests
{
    [Theory]
    [InlineData(1100, 900, "export-html.png")]
    [InlineData(390, 1800, "export-html-phone.png")]
    public async Task ExportPage_InARealBrowser_FitsTheWindow(int width, int height, string name)
    {
        Assert.True(HeadlessChromium.Executable.Length > 0, "chromium is not installed: apt-get install -y chromium (the .ci/run script does).");
        var directory = Directory.CreateTempSubdirectory("export-").FullName;
        var html = TranscriptHtml.Page(TranscriptSamples.Multilingual());
        var file = Path.Combine(directory, "transcript.html");
        await File.WriteAllTextAsync(file, html);
        var png = Path.Combine(directory, name);

        await HeadlessChromium.ScreenshotAsync(new Uri(file).AbsoluteUri, width, height, png);
        var (scrollWidth, innerWidth) = await HeadlessChromium.MeasureAsync(html, width, height, directory);

        Assert.Equal((width, height), HeadlessChromium.PngSize(png));
        Assert.True(scrollWidth <= innerWidth, $"The page is {scrollWidth} px wide in a {innerWidth} px window: something is cut off.");
        Keep(png, name);
    }

    [Fact]
    public async Task ExportPdf_FirstPage_RendersThroughPdftoppm()
    {
        var pdftoppm = new[] { "/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm" }.FirstOrDefault(File.Exists);
        Assert.True(pdftoppm is not null, "pdftoppm is not installed: apt-get install -y poppler-utils (the .ci/run script does).");
        var (fonts, problem) = PdfFonts.Load("/usr/share/fonts");
        Assert.True(fonts is not null, problem);
        using var _ = fonts;
        var directory = Directory.CreateTempSubdirectory("export-pdf-").FullName;
        var pdf = Path.Combine(directory, "transcript.pdf");
        await File.WriteAllBytesAsync(pdf, new TranscriptPdf(fonts).Render(TranscriptSamples.Multilingual()));

        var start = new ProcessStartInfo(pdftoppm) { ArgumentList = { "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(directory, "export-pdf") } };
        using (var process = Process.Start(start)!)
        {
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
        }

        var png = Path.Combine(directory, "export-pdf.png");
        Assert.Equal((827, 1170), HeadlessChromium.PngSize(png)); // A4 (595 × 842 pt) at 100 dpi
        Keep(png, "export-pdf.png");
    }

    private static void Keep(string png, string name)
    {
        if (Environment.GetEnvironmentVariable("EXPORT_SCREENSHOTS") is { Length: > 0 } keep)
        {
            File.Copy(png, Path.Combine(keep, name), overwrite: true);
        }
    }
}
