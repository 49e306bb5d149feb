namespace Bot.Core.Buyers;

/// <summary>The reasons buyers most often write to a seller, each as a polite, complete message (English; sent
/// in the buyer's language).</summary>
public static class QuickReplies
{
    public const string CallbackPrefix = "qr:";

    public static IReadOnlyList<(string Key, string Label, string Text)> All { get; } =
    [
        ("size", "📏 Size advice", "Hello! Could you advise me which size to choose? Please tell me the measurements for each size."),
        ("stock", "📦 In stock?", "Hello! Is this item in stock, and how soon can you ship it?"),
        ("details", "ℹ️ More details", "Hello! Could you tell me more about this item: the material, the exact dimensions and what is included?"),
        ("photos", "📷 Real photos", "Hello! Could you please send me real photos of this item?"),
        ("discount", "🏷️ Discount", "Hello! Is a discount possible if I order now or buy several pieces?"),
        ("packaging", "🎁 Sturdy packaging", "Hello! Could you please pack my order carefully, in sturdier packaging? Thank you!"),
        ("ship", "🚚 When will it ship?", "Hello! When will my order be shipped?"),
        ("address", "🏠 Fix my address", "Hello! I need to correct my shipping address. How can we do that?"),
        ("tracking_missing", "🔎 No tracking 10+ days", "Hello! My tracking number has shown no information for more than 10 days. Could you please check it?"),
        ("tracking_stuck", "⏸️ Tracking stuck", "Hello! The tracking of my parcel has not moved for a long time. Could you please check with the carrier?"),
        ("howto", "🛠️ How to use it", "Hello! Could you explain how to use this item?"),
        ("refund", "↩️ Return or refund", "Hello! I would like to return this item or get a refund. What should I do?"),
    ];

    public static (string Key, string Label, string Text)? Find(string key) =>
        All.FirstOrDefault(q => q.Key == key) is { Key: not null } found ? found : null;
}
