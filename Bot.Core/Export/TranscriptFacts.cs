using Bot.Core.Conversations;

namespace Bot.Core.Export;

/// <summary>The order's facts from its card, as label and value pairs (values may be links).</summary>
public static class TranscriptFacts
{
    public static IReadOnlyList<(string Label, string Value, string? Url)> Of(Transcript transcript)
    {
        var conversation = transcript.Conversation;
        var card = conversation.Card;
        var facts = new List<(string, string, string?)>
        {
            (conversation.Kind == ConversationKind.Order ? "Order" : "Chat", transcript.Subject, card?.OrderUrl),
            ("Buyer", $"{conversation.BuyerName ?? conversation.BuyerId} ({conversation.BuyerId})", null),
            ("Marketplace", $"{conversation.Marketplace} · {conversation.Account}", null),
            ("Channel", conversation.Kind == ConversationKind.Order ? "order comments" : "message center", null),
        };
        if (card?.ProductName is not null || card?.ProductUrl is not null)
        {
            facts.Add(("Product", card.ProductName ?? card.ProductUrl!, card.ProductUrl));
        }

        if (conversation.BuyerLanguage is { } language)
        {
            facts.Add(("Buyer's language", language, null));
        }

        facts.Add(("Messages", transcript.Entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        facts.Add(("Exported", $"{TranscriptTimes.Utc(transcript.ExportedAt)} · {TranscriptTimes.Local(transcript.ExportedAt, transcript.Zone)}", null));
        return facts;
    }

    /// <summary>What a delivery state says in the export, or null for a message taken in from the marketplace.</summary>
    public static string? DeliveryLabel(TranscriptEntry entry) => entry.Delivery switch
    {
        DeliveryState.Delivered => "Delivered to the marketplace",
        DeliveryState.Pending => "Waiting for delivery: not on the marketplace yet",
        DeliveryState.NotDelivered => "NOT DELIVERED to the marketplace" + (entry.DeliveryNote is { } why ? $": {why}" : ""),
        DeliveryState.Unknown => "No delivery to the marketplace recorded",
        _ => null,
    };
}
