
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

    [Theory]
    [InlineData("<b>Buyer</b> &amp; <i>seller</i>")]
    [InlineData("a < b > c")]
    [InlineData("<>&<3 </ b>")]
    [InlineData("&foo &lt; bar")]
    [InlineData("&nbsp;&#39;&#x1F600;&lt;")]
    [InlineData("&l<b>t;</b>")]
    [InlineData("<blockquote expandable>Когда? 你好 👋</blockquote>")]
    [InlineData("<b>never closed")]
    public void PlainLength_IsTheLengthOfTheDecodedText(string html)
    {
        Assert.Equal(HtmlSplitter.PlainText(html).Length, HtmlSplitter.PlainLength(html));
    }

    [Fact]
    public void PlainLength_IsTheLengthOfTheDecodedText_ForGeneratedHtml()
    {
        // Pieces the bridge writes (tags, escaped text) and ones it does not (other entities, stray signs, tags split by
        // an entity), joined at random.
        string[] pieces = ["<b>", "</b>", "<i>", "</i>", "<blockquote expandable>", "</blockquote>", "<a href=\"https://x.y/?a=1&amp;b=2\">",
            "</a>", "&lt;", "&gt;", "&amp;", "&quot;", "&nbsp;", "&#39;", "&#128512;", "&bogus;", "&", ";", "<", ">", "</", "< b>", "<3",
            "text", "Привет", "你好", "👋", " ", "\n", "l", "t"];
        var random = new Random(20261202);
        for (var run = 0; run < 5_000; run++)
        {
            var html = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));

            Assert.True(HtmlSplitter.PlainText(html).Length == HtmlSplitter.PlainLength(html), html);
        }
    }
}
