using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bot.Testing;
using Bot.Tests.Operations;

namespace Bot.Tests.Export;

/// <summary>The transcript from the operator chat (/export &lt;order&gt;) and from the status server, for operators only.</summary>
public sealed class OperatorExportTests
{
    private const string Token = "op-token-0123456789abcdef";

    [Fact]
    public async Task ExportInTheOperatorChat_PostsTheOrdersTranscriptThere_AndSaysSoForAnUnknownOrder()
    {
        await using var f = await OperatorsFixture.StartAsync();
        await f.MakeDeadLetterAsync("82001", "We refunded you.");

        f.Telegram.EnqueueMessage(OperatorsFixture.OperatorChat, OperatorsFixture.Operator, "Olga", "/export 82001");
        f.Telegram.EnqueueMessage(OperatorsFixture.OperatorChat, OperatorsFixture.Operator, "Olga", "/export 99999");

        var html = await Eventually.ValueAsync(() => f.OperatorMessages.FirstOrDefault(m => m.DocumentName == "order-82001-transcript.html"), OperatorsFixture.Timeout);
        var page = Encoding.UTF8.GetString(html.Document!);
        Assert.Contains("Where is my parcel?", page, StringComparison.Ordinal);
        Assert.Contains("NOT DELIVERED to the marketplace: The order is closed for comments", page, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => f.OperatorMessages.Any(m => m.DocumentName == "order-82001-transcript.pdf"), OperatorsFixture.Timeout);
        await f.OperatorMessageAsync("Transcript of Order 82001 posted above (2 messages)");
        await f.OperatorMessageAsync("No order or chat 99999 is known to the bridge.");
    }

    [Fact]
    public async Task ExportOverHttp_NeedsTheOperatorToken_AndServesHtmlAndPdfAsDownloads()
    {
        await using var f = await OperatorsFixture.StartAsync(new Dictionary<string, string?> { ["Urls"] = "http://0.0.0.0:0", ["Operators:HttpToken"] = Token });
        f.Marketplace.AddBuyerMessage("82002", "Где моя посылка?");
        await Eventually.TrueAsync(() => f.Telegram.SentTo(OperatorsFixture.Staff).Any(m => m.VisibleText?.Contains("Где моя посылка?", StringComparison.Ordinal) == true), OperatorsFixture.Timeout);
        using var http = new HttpClient { BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{new Uri(f.Bridge.Url.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port}")) };

        using var anonymous = await http.GetAsync(new Uri("/export/82002.html", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain("Где моя", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var html = await http.GetAsync(new Uri("/export/82002.html", UriKind.Relative));
        using var pdf = await http.GetAsync(new Uri("/export/82002.pdf", UriKind.Relative));
        using var unknown = await http.GetAsync(new Uri("/export/99999.html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("order-82002-transcript.html", html.Content.Headers.ContentDisposition?.FileNameStar ?? html.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("Где моя посылка?", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("посылка?", string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
