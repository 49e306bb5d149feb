using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Testing.Wildberries;

namespace Bot.Tests.EndToEnd;

/// <summary>Files both ways through the real host, the fake Wildberries API and the fake Bot API: staff documents in a
/// topic and buyers' PDFs.</summary>
[Harness.RunsLong]
public sealed class WildberriesFileEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"u8.ToArray();
    private const long Staff = BridgeHost.StaffChatId;
    private const string Chat = "1:0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6";

    private FakeTelegramServer telegram = null!;
    private FakeWildberriesServer wildberries = null!;
    private BridgeHost bridge = null!;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        wildberries = await FakeWildberriesServer.StartAsync();
        bridge = await BridgeHost.StartAsync(telegram, null, WildberriesEndToEndTests.Settings(wildberries));
    }

    public async Task DisposeAsync()
    {
        await bridge.DisposeAsync();
        await wildberries.DisposeAsync();
        await telegram.DisposeAsync();
    }

    private async Task<int> TopicAsync(string text)
    {
        wildberries.AddBuyerMessage(Chat, "Olga", text);
        var post = await Eventually.ValueAsync(() => telegram.SentTo(Staff).FirstOrDefault(m => m.VisibleText?.Contains(text, StringComparison.Ordinal) == true), Timeout);
        return post.ThreadId!.Value;
    }

    private Task<SentMessage> InTopicAsync(int topic, Func<SentMessage, bool> match) =>
        Eventually.ValueAsync(() => telegram.SentTo(Staff, topic).FirstOrDefault(match), Timeout);

    [Fact]
    public async Task StaffPdfWithCaption_ReachesWildberriesAsTheFileThenTheCaption_AndItsEchoIsNotShownAgain()
    {
        var topic = await TopicAsync("Can I have the invoice?");

        var reply = telegram.EnqueueDocument(Staff, 5001, "Sam", Pdf, "invoice-42.pdf", "application/pdf", caption: "Your invoice.", threadId: topic);

        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        var sent = wildberries.Sent;
        Assert.Equal(2, sent.Count);
        var file = Assert.Single(sent[0].Files);
        Assert.Equal(("", "invoice-42.pdf", "application/pdf"), (sent[0].Text, file.Name, file.ContentType));
        Assert.Equal(Pdf, file.Data);
        Assert.Equal(("Your invoice.", 0), (sent[1].Text, sent[1].Files.Count));

        // Both echoes come back on the next polls; a buyer marker after them is the next thing in the topic.
        var count = telegram.SentTo(Staff, topic).Count;
        var polls = wildberries.CallCount("events");
        await Eventually.TrueAsync(() => wildberries.CallCount("events") > polls + 3, Timeout);
        wildberries.AddBuyerMessage(Chat, "Olga", "Marker after the echoes");
        await InTopicAsync(topic, m => m.VisibleText?.Contains("Marker after the echoes", StringComparison.Ordinal) == true);
        Assert.Equal(count + 1, telegram.SentTo(Staff, topic).Count);
    }

    [Theory]
    [InlineData("terms.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", null, "terms.docx is of type application/vnd.openxmlformats-officedocument.wordprocessingml.document, and this marketplace takes only JPEG, PNG or PDF files.")]
    [InlineData("scan.pdf", "application/pdf", 6L * 1024 * 1024, "scan.pdf has 6 MB, and this marketplace takes files of at most 5 MB.")]
    public async Task StaffDocumentWildberriesCannotTake_GetsOneNoteSayingWhy_AndNothingOfItIsPosted(string name, string type, long? declaredSize, string reason)
    {
        var topic = await TopicAsync("Anything else?");

        var reply = telegram.EnqueueDocument(Staff, 5001, "Sam", Pdf, name, type, caption: "See the attachment.", threadId: topic, declaredSize: declaredSize);

        var note = await InTopicAsync(topic, m => m.VisibleText?.StartsWith("Not sent to the buyer", StringComparison.Ordinal) == true);
        Assert.Contains(reason, note.VisibleText, StringComparison.Ordinal);
        Assert.Equal(reply, note.ReplyToMessageId);
        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("🤷"), Timeout);
        Assert.Single(telegram.SentTo(Staff, topic), m => m.VisibleText?.StartsWith("Not sent", StringComparison.Ordinal) == true);
        Assert.Empty(wildberries.Sent);
    }

    [Fact]
    public async Task BuyerPdf_IsDownloadedWithTheToken_AndPostedIntoTheTopicAsADocument()
    {
        wildberries.AddBuyerMessage(Chat, "Olga", "Here is the receipt", files: [("dl-r1", "receipt.pdf", new FakeWbDownload(Pdf, "application/pdf"))]);

        var post = await Eventually.ValueAsync(() => telegram.SentTo(Staff).FirstOrDefault(m => m.VisibleText?.Contains("Here is the receipt", StringComparison.Ordinal) == true), Timeout);
        var document = await InTopicAsync(post.ThreadId!.Value, m => m.Document is not null);

        Assert.Equal("receipt.pdf", document.DocumentName);
        Assert.Equal(Pdf, document.Document);
        Assert.DoesNotContain("seller portal", post.VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, wildberries.CallCount("download"));
    }

    [Fact]
    public async Task BuyerPdfThatCannotBeDownloaded_IsNamedInTheTopic_ForStaffToOpenInTheSellerPortal()
    {
        wildberries.AddBuyerMessage(Chat, "Olga", "A file that failed moderation", files: [("dl-r2", "contract.pdf", new FakeWbDownload(Pdf, "application/pdf", Status: 451))]);

        var post = await Eventually.ValueAsync(() => telegram.SentTo(Staff).FirstOrDefault(m => m.VisibleText?.Contains("failed moderation", StringComparison.Ordinal) == true), Timeout);
        var note = await InTopicAsync(post.ThreadId!.Value, m => m.VisibleText?.Contains("contract.pdf", StringComparison.Ordinal) == true);

        Assert.Contains("could not be fetched", note.VisibleText, StringComparison.Ordinal);
        Assert.Contains("open it in the seller portal", note.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain(telegram.SentTo(Staff), m => m.Document is not null);
    }
}
