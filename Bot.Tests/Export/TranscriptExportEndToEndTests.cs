using System.Text;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Images;
using Bot.Testing.Translation;
using Bot.Tests.EndToEnd;

namespace Bot.Tests.Export;

/// <summary>/export through the real host: a conversation with every kind of message, exported into its topic.</summary>
public sealed class TranscriptExportEndToEndTests
{
    private const long Staff = StaffGroupBridge.Staff;
    private static readonly TimeSpan Timeout = StaffGroupBridge.Timeout;

    [Fact]
    public async Task Export_PostsTheWholeConversationInOrder_WithTranslations_Photos_AndTheUndeliveredReplyMarked()
    {
        await using var images = await ImageServer.StartAsync();
        var photoUrl = images.Url + "/item.jpg";
        var api = new FakeTranslationApi { Mode = FakeMode.TooManyRequests, Transform = (text, target) => $"[{target}] {text}" };
        await using var translator = await LoopbackServer.StartAsync(app => app.MapFakeLibreTranslate(api, null));
        var settings = LibreTranslateHostSettings.For(translator);
        settings["Export:TimeZone"] = "Europe/Berlin";
        await using var rig = await StaffGroupBridge.StartAsync(settings: settings);
        var (telegram, marketplace) = (rig.Telegram, rig.Marketplace);
        var card = new OrderCard("81001", "Wool scarf", "https://example.test/order/81001", "https://example.test/item/9");

        // 1. The translator is down: staff see the original.
        marketplace.AddBuyerMessage("81001", "Здравствуйте, где мой заказ?", card: card);
        var topic = await rig.TopicOfAsync("81001");
        await Eventually.TrueAsync(() => Shown(telegram, topic, "translation unavailable"), Timeout);

        // 2. Translated, with a photo.
        api.Mode = FakeMode.Translate;
        marketplace.AddBuyerMessage("81001", "Вот что пришло: шарф порван.", images: [photoUrl], card: card);
        await Eventually.TrueAsync(() => telegram.SentTo(Staff, topic).Any(m => m.Photo is not null), Timeout);

        // 3. A staff reply the marketplace accepts, 4. one it refuses.
        var accepted = telegram.EnqueueMessage(Staff, StaffGroupBridge.StaffUser, "Sam", "Sorry! We will send a new one.", threadId: topic);
        await Eventually.TrueAsync(() => telegram.Reactions(Staff, accepted).Contains("👍"), Timeout);
        marketplace.FailNextSend(new MarketplaceException(MarketplaceErrorKind.Rejected, "Buyer has closed the conversation", "ConversationClosed"));
        var refused = telegram.EnqueueMessage(Staff, StaffGroupBridge.StaffUser, "Sam", "Tracking: LP00123.", threadId: topic);
        await Eventually.TrueAsync(() => telegram.Reactions(Staff, refused).Contains("👎"), Timeout);

        // 5. The seller center writes on the marketplace.
        marketplace.AddSellerMessage("81001", "Replacement shipped.");
        await Eventually.TrueAsync(() => Shown(telegram, topic, "Replacement shipped."), Timeout);

        var command = telegram.EnqueueMessage(Staff, StaffGroupBridge.StaffUser, "Sam", "/export", threadId: topic);
        var document = await Eventually.ValueAsync(() => telegram.SentTo(Staff, topic).FirstOrDefault(m => m.DocumentName?.EndsWith(".html", StringComparison.Ordinal) == true), Timeout);

        Assert.Equal("order-81001-transcript.html", document.DocumentName);
        Assert.Equal(command, document.ReplyToMessageId);
        Assert.Contains("transcript of 5 messages", document.VisibleText, StringComparison.Ordinal);
        Assert.Contains("did not reach the marketplace", document.VisibleText, StringComparison.Ordinal);
        var html = Encoding.UTF8.GetString(document.Document!);
        AssertInOrder(html, "Здравствуйте, где мой заказ?", "Вот что пришло: шарф порван.", "Sorry! We will send a new one.", "Tracking: LP00123.", "Replacement shipped.");
        Assert.Contains("Translation unavailable: staff saw the original.", html, StringComparison.Ordinal);
        Assert.Contains("[en] Вот что пришло: шарф порван.", html, StringComparison.Ordinal);
        Assert.Contains("[ru] Sorry! We will send a new one.", html, StringComparison.Ordinal);
        Assert.Contains($"<img src=\"{photoUrl}\"", html, StringComparison.Ordinal);
        Assert.Contains("NOT DELIVERED to the marketplace: Buyer has closed the conversation", html, StringComparison.Ordinal);
        Assert.Equal(1, Count(html, "NOT DELIVERED"));
        Assert.Equal(1, Count(html, "✓ Delivered to the marketplace"));
        Assert.Contains("Seller center", html, StringComparison.Ordinal);
        Assert.Contains("Staff (Sam)", html, StringComparison.Ordinal);
        Assert.Contains("Buyer (Ana)", html, StringComparison.Ordinal);
        Assert.Contains("Telegram → order comments", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.test/item/9\">Wool scarf</a>", html, StringComparison.Ordinal);
        Assert.Contains(" UTC<br>", html, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin (UTC+0", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);

        var pdf = await Eventually.ValueAsync(() => telegram.SentTo(Staff, topic).FirstOrDefault(m => m.DocumentName == "order-81001-transcript.pdf"), Timeout);
        using var opened = UglyToad.PdfPig.PdfDocument.Open(pdf.Document!);
        var words = string.Join(" ", opened.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        AssertInOrder(words, "Здравствуйте,", "Вот", "Sorry!", "Tracking:", "Replacement");
        Assert.Contains("NOT DELIVERED", words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportButtonUnderTheCard_PostsTheTranscriptIntoTheTopic()
    {
        await using var rig = await StaffGroupBridge.StartAsync();
        var topic = await rig.TopicWithBuyerMessageAsync("81002", "Is it waterproof?");
        var cardMessage = rig.Telegram.SentTo(Staff, topic).First(m => m.Buttons.Any(b => b.CallbackData == "export"));

        rig.Telegram.EnqueueCallback(Staff, cardMessage.MessageId, StaffGroupBridge.StaffUser, "export");

        var document = await Eventually.ValueAsync(() => rig.Telegram.SentTo(Staff, topic).FirstOrDefault(m => m.DocumentName == "order-81002-transcript.html"), Timeout);
        Assert.Contains("Is it waterproof?", Encoding.UTF8.GetString(document.Document!), StringComparison.Ordinal);
    }

    private static bool Shown(FakeTelegramServer telegram, int topic, string text) =>
        telegram.SentTo(Staff, topic).Any(m => m.VisibleText?.Contains(text, StringComparison.Ordinal) == true);

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static void AssertInOrder(string text, params string[] parts)
    {
        var at = -1;
        foreach (var part in parts)
        {
            var next = text.IndexOf(System.Net.WebUtility.HtmlEncode(part).Replace("&#39;", "'", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.True(next > at, $"“{part}” is not after the previous message (at {next}, previous at {at})");
            at = next;
        }
    }
}
