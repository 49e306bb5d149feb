using System.Net;
using System.Net.Http.Headers;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Testing.Wildberries;

namespace Bot.Tests.Wildberries;

/// <summary>Files both ways between the adapter and the fake over HTTP: staff PDFs as the post's file, what
/// <c>POST /api/v1/seller/message</c> refuses, and buyer PDFs served only with the token.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class WildberriesFileContractTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"u8.ToArray();
    private const string Chat = "1:chat-f";
    private WildberriesHarness wb = null!;
    private MarketplaceMessage opening = null!;

    public async Task InitializeAsync()
    {
        wb = await WildberriesHarness.StartAsync();
        wb.Server.AddBuyerMessage(Chat, "Fedor", "Please send the invoice");
        opening = Assert.Single((await wb.Client.FetchAsync(null, CancellationToken.None)).Messages);
    }

    public async Task DisposeAsync() => await wb.DisposeAsync();

    [Fact]
    public void Capabilities_DeclareJpegPngAndPdfUpTo5MB()
    {
        var files = wb.Client.Capabilities.Files;

        Assert.True(files.Accepts("application/pdf") && files.Accepts("image/png") && files.Accepts("image/jpeg"));
        Assert.False(files.Accepts("application/msword"));
        Assert.Equal(5 * 1024 * 1024, files.MaxBytes);
    }

    [Fact]
    public async Task StaffPdf_IsPostedAsTheFileOfAMessage_WithItsNameAndType_AndItsEchoCarriesTheReference()
    {
        var reference = await wb.Client.UploadFileAsync(Pdf, "invoice-17.pdf", "application/pdf", CancellationToken.None);
        await wb.Client.SendAsync(new MarketplaceOutgoing(Chat, ConversationKind.Order, Chat, "", opening.ReplyContext, reference), CancellationToken.None);

        var file = Assert.Single(Assert.Single(wb.Server.Sent).Files);
        Assert.Equal(("invoice-17.pdf", "application/pdf"), (file.Name, file.ContentType));
        Assert.Equal(Pdf, file.Data);
        var echo = Assert.Single((await wb.Client.FetchAsync(null, CancellationToken.None)).Messages, m => m.Author == MarketplaceAuthor.Seller);
        Assert.Equal("", echo.Text);
        Assert.Equal("invoice-17.pdf", Assert.Single(echo.Attachments).Name);
        Assert.Contains(reference, echo.ImageUrls);
    }

    [Fact]
    public async Task FileThatIsNotJpegPngOrPdf_OrOver5MB_IsRefusedBeforeAnythingIsPosted()
    {
        var docx = await Assert.ThrowsAsync<MarketplaceException>(() =>
            wb.Client.UploadFileAsync("PK\u0003\u0004word"u8.ToArray(), "terms.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", CancellationToken.None));
        var big = new byte[(5 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);
        var large = await Assert.ThrowsAsync<MarketplaceException>(() => wb.Client.UploadFileAsync(big, "big.pdf", "application/pdf", CancellationToken.None));

        Assert.Equal((MarketplaceErrorKind.Rejected, MarketplaceErrorKind.Rejected), (docx.Kind, large.Kind));
        Assert.Contains("JPEG, PNG or PDF", docx.Message, StringComparison.Ordinal);
        Assert.Contains("5 MB", large.Message, StringComparison.Ordinal);
        Assert.Equal(0, wb.Server.CallCount("message"));
    }

    [Theory]
    [InlineData("terms.docx", "application/msword", 1000, 1, "only JPEG, PNG or PDF")]
    [InlineData("big.pdf", "application/pdf", (5 * 1024 * 1024) + 1, 1, "up to 5 MB")]
    [InlineData("part.pdf", "application/pdf", 4 * 1024 * 1024, 8, "30 MB in total")]
    public async Task TheFakeRefusesWhatTheMessageEndpointRefuses_With400InThePlatformsShape(string name, string type, int size, int count, string detail)
    {
        using var http = new HttpClient();
        using var form = new MultipartFormDataContent { { new StringContent(wb.Server.ReplySignOf(Chat)), "replySign" } };
        for (var i = 0; i < count; i++)
        {
            var content = new ByteArrayContent(new byte[size]);
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(content, "file", name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, wb.Server.BaseUrl + "/api/v1/seller/message") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", wb.Server.Token);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(wb.Server.Sent);
    }

    [Fact]
    public async Task BuyerPdf_IsServedWithTheToken_AndRefusedWithoutIt()
    {
        wb.Server.AddBuyerMessage(Chat, "Fedor", "Here is my receipt", files: [("dl-receipt", "receipt.pdf", new FakeWbDownload(Pdf, "application/pdf"))]);
        var message = (await wb.Client.FetchAsync(null, CancellationToken.None)).Messages.Single(m => m.Text == "Here is my receipt");
        var file = Assert.Single(message.Attachments);

        Assert.Equal(Pdf, await wb.Media.FetchAsync(file.Url, 50 * 1024 * 1024, CancellationToken.None));
        Assert.Empty(wb.Inner.Asked);
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(file.Url)).StatusCode);
    }
}
