
using Bot.Core.Formatting;
namespace Bot.Tests.Formatting;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class HtmlSplitterTests
{
    [Fact]
    public void HtmlWithinTheLimit_IsLeftAlone()
    {
        var html = "<b>a</b>\n" + new string('x', 40);

        Assert.Equal([html], HtmlSplitter.Split(html, 50));
    }

    [Fact]
    public void LimitCountsVisibleText_NotTagsOrEntities()
    {
        var html = "<b>" + string.Concat(Enumerable.Repeat("&amp;", 50)) + "</b>";

        Assert.Equal(50, HtmlSplitter.PlainLength(html));
        Assert.Single(HtmlSplitter.Split(html, 50));
    }

    [Fact]
    public void LongList_IsSplitBetweenLines_KeepingEachLinesMarkup()
    {
        var lines = Enumerable.Range(1, 10).Select(i => $"<b>t{i}</b>: {new string('y', 30)}").ToList();

        var parts = HtmlSplitter.Split(string.Join('\n', lines), 100);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(HtmlSplitter.PlainLength(p) <= 100));
        Assert.Equal(lines, parts.SelectMany(p => p.Split('\n')));
    }

    [Fact]
    public void LineOverTheLimit_OrTagsAcrossLines_AreCutAsEscapedPlainText()
    {
        var tooLong = "<i>" + string.Join(' ', Enumerable.Repeat("word&lt;", 40)) + "</i>";
        var across = "<b>open\n" + new string('z', 80) + "</b>";

        var longParts = HtmlSplitter.Split(tooLong, 50);
        var acrossParts = HtmlSplitter.Split(across, 50);

        Assert.All(longParts.Concat(acrossParts), p => Assert.True(HtmlSplitter.PlainLength(p) <= 50));
        Assert.All(longParts.Concat(acrossParts), p => Assert.DoesNotContain("<", p, StringComparison.Ordinal));
        Assert.Contains("word&lt;", longParts[0], StringComparison.Ordinal);
    }
}
