using System.Diagnostics;
using Bot.Core.Export;
using Bot.Tests.Operations;
using UglyToad.PdfPig;

namespace Bot.Tests.Export;

/// <summary>The HTML export printed by a real browser (headless chromium's print to PDF, A4): a long conversation runs
/// over several pages, each with the table's header, and every message printed whole on one page.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)] // no database: the same in both passes
public sealed class ExportPrintTests
{
    [Fact]
    public async Task LongConversation_PrintsOnSeveralPages_EachWithTheHeader_NoMessageCutInTwo()
    {
        Assert.True(HeadlessChromium.Executable.Length > 0, "chromium is not installed: apt-get install -y chromium (the .ci/run script does).");
        var sample = TranscriptSamples.Multilingual();
        var entries = Enumerable.Range(0, 12).SelectMany(round => sample.Entries.Select(e => e with
        {
            Id = (round * 10) + e.Id,
            Original = $"{e.Original} M{round:00}{e.Id:00}",
        })).ToList();
        var directory = Directory.CreateTempSubdirectory("export-print-").FullName;
        var html = Path.Combine(directory, "transcript.html");
        await File.WriteAllTextAsync(html, TranscriptHtml.Page(sample with { Entries = entries }));
        var pdf = Path.Combine(directory, "printed.pdf");

        var start = new ProcessStartInfo(HeadlessChromium.Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(directory, "profile")}", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri })
        {
            start.ArgumentList.Add(argument);
        }

        using (var process = Process.Start(start)!)
        {
            var output = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
            Assert.True(process.ExitCode == 0, await output);
        }

        using var printed = PdfDocument.Open(pdf);
        var pages = printed.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        Assert.All(pages, page => Assert.Contains("Translation / as sent", page, StringComparison.Ordinal));
        foreach (var entry in entries.Where(e => e.Original.Contains("шарф", StringComparison.Ordinal)))
        {
            // The Russian message, whole, and its note print on one page.
            var page = Assert.Single(pages, p => p.Contains(entry.Original[^5..], StringComparison.Ordinal));
            Assert.Contains(entry.Original, page, StringComparison.Ordinal);
        }
    }
}
