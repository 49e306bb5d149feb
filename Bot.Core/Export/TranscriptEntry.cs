namespace Bot.Core.Export;

/// <summary>One message of a transcript, as the export shows it.</summary>
/// <param name="Author">Who wrote it, as people read it: "Buyer", "Staff (Sam)", "Seller center", "Buyer in Telegram".</param>
/// <param name="Channel">Where it was written and where it went: "Order comments", "Telegram → order comments".</param>
/// <param name="Translation">The translation staff read (buyer side), or the text the marketplace got (staff side).</param>
/// <param name="TranslationNote">Why there is no translation, or that the reply went untranslated; null when none applies.</param>
/// <param name="Images">Picture addresses on the marketplace (buyer photos, staff photos once uploaded).</param>
/// <param name="Notes">Other facts worth a line (a staff photo that stayed in Telegram).</param>
public sealed record TranscriptEntry(
    long Id,
    DateTimeOffset At,
    string Author,
    bool FromBuyer,
    string Channel,
    string Original,
    string? OriginalLanguage,
    string? Translation,
    string? TranslationLanguage,
    string? TranslationNote,
    IReadOnlyList<string> Images,
    DeliveryState Delivery,
    string? DeliveryNote,
    IReadOnlyList<string> Notes)
{
    /// <summary>The message this one answers, when staff replied to a bridge post (or quoted one part of a merged one).</summary>
    public TranscriptReply? InReplyTo { get; init; }
}
