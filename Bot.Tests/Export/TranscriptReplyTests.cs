using Bot.Core.Export;
using Bot.Export;
using UglyToad.PdfPig;

namespace Bot.Tests.Export;

/// <summary>A staff reply's "in reply to" line: the answered message's time and first words, on the page and in the PDF.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class TranscriptReplyTests
{
    private static Transcript WithReply()
    {
        var sample = TranscriptSamples.Multilingual();
        var answered = sample.Entries[1];
        var entries = sample.Entries.Select(e => e.Id == 9 ? e with { InReplyTo = TranscriptReply.Of(answered.Id, answered.At, answered.Original) } : e).ToList();
        return sample with { Entries = entries };
    }

    [Fact]
    public void FirstWords_AreCutAtAWord_AndShortTextsStayWhole()
    {
        Assert.Equal("It is a gift", TranscriptReply.Of(1, TranscriptSamples.Start, " It is\na  gift ").FirstWords);
        var long_ = TranscriptReply.Of(1, TranscriptSamples.Start, "Hello, I ordered a red wool scarf two weeks ago and it has still not arrived, where is it?").FirstWords;
        Assert.Equal("Hello, I ordered a red wool scarf two weeks ago and it has…", long_);
        Assert.Equal($"in reply to 2026-11-30 09:15:00 UTC “{long_}”", TranscriptReply.Of(1, TranscriptSamples.Start, long_.TrimEnd('…') + " still").Label);
    }

    [Fact]
    public void Page_LinksTheReplyToTheAnsweredRow()
    {
        var html = TranscriptHtml.Page(WithReply());

        Assert.Contains("<div class=\"reply\">↩ <a href=\"#m3\">in reply to 2026-11-30 09:18:00 UTC “Вот что пришло: шарф порван.”</a></div>", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "class=\"reply\""));
    }

    [Fact]
    public void Pdf_SaysWhatTheReplyAnswers()
    {
        var (fonts, problem) = PdfFonts.Load("/usr/share/fonts");
        Assert.True(fonts is not null, problem);
        using var _ = fonts;

        using var pdf = PdfDocument.Open(new TranscriptPdf(fonts).Render(WithReply()));

        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("in reply to 2026-11-30 09:18:00 UTC", text, StringComparison.Ordinal);
    }
}
