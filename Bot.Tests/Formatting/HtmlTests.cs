
using Bot.Core.Formatting;
namespace Bot.Tests.Formatting;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class HtmlTests
{
    [Fact]
    public void Escape_NeutralisesTagsAndEntities()
    {
        Assert.Equal("&lt;b&gt;x&lt;/blockquote&gt; &amp; &quot;y&quot;", Html.Escape("<b>x</blockquote> & \"y\""));
        Assert.Equal("Привет &amp; 你好 👋 &lt;", Html.Escape("Привет & 你好 👋 <"));
        Assert.Equal("", Html.Escape(null));
    }

    [Fact]
    public void Escape_LeavesTextWithoutSpecialCharactersAsItIs()
    {
        const string plain = "Когда отправите заказ? 你好 👋 'quoted' ok";

        Assert.Same(plain, Html.Escape(plain));
    }

    [Fact]
    public void Link_OnlyForHttpUrls()
    {
        Assert.Equal("<a href=\"https://example.com/a?b=1&amp;c=2\">open</a>", Html.Link("https://example.com/a?b=1&c=2", "open"));
        Assert.Equal("open &lt;it&gt;", Html.Link("javascript:alert(1)", "open <it>"));
    }

    [Fact]
    public void Pack_KeepsEachMessageWithinTheLimit()
    {
        var blocks = Enumerable.Range(0, 10).Select(i => HtmlBlock.Text(new string('a', 1000) + "<&>")).ToList();

        var messages = HtmlBlock.Pack(blocks, 4096);

        Assert.Equal(3, messages.Count); // 4 blocks of 1003 (+3 separators) fit in 4096
        Assert.All(messages, m => Assert.True(System.Net.WebUtility.HtmlDecode(m).Length <= 4096));
    }
}
