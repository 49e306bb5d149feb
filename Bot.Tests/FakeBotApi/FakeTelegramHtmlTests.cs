using Bot.Testing.BotApi;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

using Bot.Tests.Harness;

namespace Bot.Tests.FakeBotApi;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class FakeTelegramHtmlTests
{
    private const long Customer = FakeTelegramSession.Customer;

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("<b>bold</b> <i>it</i> <u>u</u> <s>s</s> <code>x &lt; y</code>", "bold it u s x < y")]
    [InlineData("<a href=\"https://example.com/?a=1&amp;b=2\">link</a>", "link")]
    [InlineData("<span class=\"tg-spoiler\">secret</span><tg-spoiler>more</tg-spoiler>", "secretmore")]
    [InlineData("<blockquote expandable>Original: Wo ist &quot;mein&quot; Paket?</blockquote>", "Original: Wo ist \"mein\" Paket?")]
    [InlineData("<pre><code class=\"language-json\">{}</code></pre>", "{}")]
    [InlineData("&#60;&#x3E; &gt;", "<> >")]
    [InlineData("<B>upper</B>", "upper")]
    public void Parse_ValidHtml_GivesVisibleText(string html, string visible)
    {
        var result = TelegramHtml.Parse(html, rejectBareAmpersand: true);

        Assert.Null(result.Error);
        Assert.Equal(visible, result.PlainText);
    }

    [Theory]
    [InlineData("<b>bold", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("<div>x</div>", "Unsupported start tag \"div\" at byte offset 0")]
    [InlineData("1 < 2", "Unsupported start tag \"\" at byte offset 2")]
    [InlineData("<b><i>x</b></i>", "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"")]
    [InlineData("x</b>", "Unexpected end tag at byte offset 1")]
    [InlineData("<span>x</span>", "Tag \"span\" must have class \"tg-spoiler\" at byte offset 0")]
    [InlineData("Tom & Jerry", "Can't find end of the entity starting at byte offset 4")]
    [InlineData("<a href=\"x", "Unclosed start tag at byte offset 0")]
    [InlineData("ä<b", "Unclosed start tag at byte offset 2")]
    public void Parse_InvalidHtml_IsRejectedLikeTelegram(string html, string detail)
    {
        var result = TelegramHtml.Parse(html, rejectBareAmpersand: true);

        Assert.Equal("can't parse entities: " + detail, result.Error);
    }

    [Fact]
    public void Parse_BareAmpersand_IsLiteral_WhenLenient()
    {
        Assert.Equal("Tom & Jerry", TelegramHtml.Parse("Tom & Jerry", rejectBareAmpersand: false).PlainText);
    }

    [Fact]
    public async Task SendMessage_UnclosedTag_CantParseEntities()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(Customer, "<b>bold", ParseMode.Html));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities:", error.Message, StringComparison.Ordinal);
        Assert.Empty(session.Server.SentTo(Customer));
    }

    [Fact]
    public async Task SendMessage_EscapedHtml_IsAccepted_AndReturnedAsPlainText()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        var sent = await session.Bot.SendMessage(Customer, "<b>Order &lt;42&gt;</b>: &quot;A &amp; B&quot;", ParseMode.Html);

        Assert.Equal("Order <42>: \"A & B\"", sent.Text);
    }

    [Fact]
    public async Task SendMessage_LengthIsCountedAfterEntityParsing()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var fits = "<b>" + string.Concat(Enumerable.Repeat("&lt;", 4096)) + "</b>";
        var tooLong = new string('a', 4097);

        var sent = await session.Bot.SendMessage(Customer, fits, ParseMode.Html);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(Customer, tooLong));

        Assert.Equal(4096, sent.Text!.Length);
        Assert.Equal("Bad Request: message is too long", error.Message);
    }

    [Fact]
    public async Task SendMessage_OnlyTagsAndSpaces_IsEmpty()
    {
        await using var session = await FakeTelegramSession.StartAsync();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(Customer, "<b> </b>", ParseMode.Html));

        Assert.Equal("Bad Request: message text is empty", error.Message);
    }
}
