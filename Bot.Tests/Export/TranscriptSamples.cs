using Bot.Core.Conversations;
using Bot.Core.Export;

namespace Bot.Tests.Export;

/// <summary>A transcript in three scripts with every delivery state, for the renderers' tests and the screenshots.</summary>
internal static class TranscriptSamples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);

    public static Transcript Multilingual()
    {
        var conversation = new Conversation(
            7, "aliexpress", "store-1", ConversationKind.Order, "81003", "buyer-9", "Layla", "ar", null,
            new OrderCard("81003", "Wool scarf, red", "https://example.test/order/81003", "https://example.test/item/9"));
        TranscriptEntry Entry(int minute, string author, bool buyer, string channel, string original, string? language, string? translation,
            string? translationLanguage, DeliveryState delivery, string? note = null, IReadOnlyList<string>? images = null, string? reason = null) =>
            new(minute, Start.AddMinutes(minute), author, buyer, channel, original, language, translation, translationLanguage, note,
                images ?? [], delivery, reason, []);
        var entries = new List<TranscriptEntry>
        {
            Entry(0, "Buyer (Layla)", true, "Order comments", "مرحبا، أين طلبي؟ لقد مر أسبوعان.", "ar", "Hello, where is my order? It has been two weeks.", "en", DeliveryState.FromMarketplace),
            Entry(3, "Buyer (Layla)", true, "Order comments", "Вот что пришло: шарф порван.", "ru", null, null, DeliveryState.FromMarketplace,
                "Translation unavailable: staff saw the original.", ["https://example.test/photos/arrived.jpg"]),
            Entry(9, "Staff (Sam)", false, "Telegram → order comments", "Sorry! We will send a new one today.", null, "آسف! سنرسل واحدًا جديدًا اليوم.", "ar", DeliveryState.Delivered),
            Entry(12, "Seller center", false, "Order comments", "您好，新的围巾已经发出。", "zh", "Hello, the new scarf has been shipped.", "en", DeliveryState.FromMarketplace),
            Entry(15, "Staff (Sam)", false, "Telegram → order comments", "Tracking number: LP00123456789.", null, null, null, DeliveryState.NotDelivered,
                reason: "Buyer has closed the conversation"),
        };
        return new Transcript(conversation, entries, Start.AddHours(2), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
    }
}
