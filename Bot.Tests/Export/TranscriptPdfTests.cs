using Bot.Export;
using UglyToad.PdfPig;

namespace Bot.Tests.Export;

/// <summary>The PDF is text, not pictures of text: opened with PdfPig, its words read back in every script.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
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
        var visual = new string(text.Reverse().Select(ArabicLetter).ToArray());
        Assert.Contains("مرحبا", visual, StringComparison.Ordinal);
        Assert.Contains("طلبي", visual, StringComparison.Ordinal);
    }

    /// <summary>Arabic presentation forms B (U+FE80–U+FEF4: isolated, final, initial, medial letters) to the letters they
    /// show, as Unicode's compatibility decomposition does; the tests run without ICU (as the bridge ships), whose
    /// <c>string.Normalize</c> would do it.</summary>
    private static char ArabicLetter(char c) => c is >= '\uFE80' and <= '\uFEF4' ? PresentationFormLetters[c - '\uFE80'] : c;

    private const string PresentationFormLetters = "\u0621\u0622\u0622\u0623\u0623\u0624\u0624\u0625\u0625\u0626\u0626\u0626\u0626\u0627\u0627\u0628\u0628\u0628\u0628\u0629\u0629\u062A\u062A\u062A\u062A\u062B\u062B\u062B\u062B\u062C\u062C\u062C\u062C\u062D\u062D\u062D\u062D\u062E\u062E\u062E\u062E\u062F\u062F\u0630\u0630\u0631\u0631\u0632\u0632\u0633\u0633\u0633\u0633\u0634\u0634\u0634\u0634\u0635\u0635\u0635\u0635\u0636\u0636\u0636\u0636\u0637\u0637\u0637\u0637\u0638\u0638\u0638\u0638\u0639\u0639\u0639\u0639\u063A\u063A\u063A\u063A\u0641\u0641\u0641\u0641\u0642\u0642\u0642\u0642\u0643\u0643\u0643\u0643\u0644\u0644\u0644\u0644\u0645\u0645\u0645\u0645\u0646\u0646\u0646\u0646\u0647\u0647\u0647\u0647\u0648\u0648\u0649\u0649\u064A\u064A\u064A\u064A";
}
