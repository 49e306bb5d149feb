using Bot.Export;
using UglyToad.PdfPig;

namespace Bot.Tests.Export;

/// <summary>The PDF is text, not pictures of text: opened with PdfPig, its words read back in every script.</summary>
public sealed class TranscriptPdfTests
{
    [Fact]
    public void Pdf_ReadsBack_CyrillicChineseAndArabic_InTheConversationsOrder_WithTheUndeliveredReplyMarked()
    {
        var (fonts, problem) = PdfFonts.Load("/usr/share/fonts");
        Assert.True(fonts is not null, problem);
        using var _ = fonts;

        var bytes = new TranscriptPdf(fonts).Render(TranscriptSamples.Multilingual());

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Order 81003", text, StringComparison.Ordinal);
        Assert.Contains("шарф", text, StringComparison.Ordinal);
        Assert.Contains("您好，新的围", text, StringComparison.Ordinal); // 巾 reads back as the Kangxi radical ⼱ (the font maps both to one glyph)
        Assert.Contains("已经发出", text, StringComparison.Ordinal);
        Assert.Contains("NOT DELIVERED", text, StringComparison.Ordinal);
        Assert.Contains("closed", text, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", text, StringComparison.Ordinal);
        Assert.Contains("https://example.test/photos/arrived.jpg", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("шарф", StringComparison.Ordinal) < text.IndexOf("Tracking", StringComparison.Ordinal));
        // Arabic is shaped (joined letter forms, drawn right to left): read back in visual order, as presentation forms.
        var visual = new string(text.Reverse().ToArray()).Normalize(System.Text.NormalizationForm.FormKC);
        Assert.Contains("مرحبا", visual, StringComparison.Ordinal);
        Assert.Contains("طلبي", visual, StringComparison.Ordinal);
    }
}
