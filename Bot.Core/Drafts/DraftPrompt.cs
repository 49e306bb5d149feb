using System.Globalization;
using System.Text;
using Bot.Core.Export;
using Bot.Core.Marketplace;

namespace Bot.Core.Drafts;

/// <summary>What the model is sent for a draft, and nothing else: instructions, the store's policies, the order's
/// facts as the card last showed them, and this conversation's latest messages (original and translation).</summary>
public static class DraftPrompt
{
    internal const string System =
        "You draft replies for the customer-service staff of an online shop who answer a buyer on a marketplace. "
        + "Write one reply to the buyer's latest message, in the language with ISO 639-1 code '{language}', ready to send after a person reads it. "
        + "Be polite, short and factual. Use only the facts given below: the order's facts and the store's templates and policies. "
        + "Never invent tracking numbers, dates, refunds or promises that the policies do not allow; when a fact is missing, say that staff will check. "
        + "Reply with the text of the message only: no notes to staff, no explanations, no placeholders.";

    public static IReadOnlyList<(string Role, string Content)> Messages(
        Transcript transcript, IReadOnlyList<TranscriptEntry> recent, OrderFacts? facts, string? policies, string staffLanguage) =>
        [("system", System.Replace("{language}", staffLanguage, StringComparison.Ordinal)), ("user", Context(transcript, recent, facts, policies))];

    private static string Context(Transcript transcript, IReadOnlyList<TranscriptEntry> recent, OrderFacts? facts, string? policies)
    {
        var text = new StringBuilder();
        text.Append("## The store's templates and policies\n").Append(string.IsNullOrWhiteSpace(policies) ? "(none)" : policies.Trim()).Append("\n\n");
        text.Append("## The order\n");
        foreach (var line in OrderLines(transcript, facts))
        {
            text.Append(line).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"\n## The conversation, oldest first (it is now {Utc(transcript.ExportedAt)})\n");
        foreach (var entry in recent)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{Utc(entry.At)}] {entry.Author}: {entry.Original}\n");
            if (entry.Translation is { } translation && translation != entry.Original)
            {
                var role = entry.FromBuyer ? "translation for staff" : "as sent to the buyer";
                text.Append(CultureInfo.InvariantCulture, $"    ({role}, {entry.TranslationLanguage}): {translation}\n");
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> OrderLines(Transcript transcript, OrderFacts? facts)
    {
        yield return transcript.Title;
        if (transcript.Conversation.Card?.ProductName is { } product)
        {
            yield return "Product: " + product;
        }

        if (facts is null)
        {
            yield return "(no order facts are known)";
            yield break;
        }

        if ((facts.Status ?? facts.StatusCode) is { } status)
        {
            yield return "Status: " + status;
        }

        if (facts.Deadline is { } deadline)
        {
            yield return $"{deadline.What}: {Utc(deadline.At)}";
        }

        foreach (var item in facts.Items)
        {
            yield return $"Item: {item.Name} × {item.Quantity}";
        }

        foreach (var tracking in facts.Tracking)
        {
            yield return tracking.Carrier is { Length: > 0 } carrier ? $"Tracking: {tracking.Number} ({carrier})" : $"Tracking: {tracking.Number}";
        }

        if (facts.Dispute is { } dispute)
        {
            yield return $"Dispute: {dispute.Status}{(dispute.IsOpen ? " (open)" : "")}{(dispute.Reason is { } reason ? ", reason: " + reason : "")}";
        }
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
