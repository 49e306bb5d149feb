using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Formatting;
using Bot.Core.Marketplace;
using Bot.Core.Staff;

namespace Bot.Core.OrderCards;

/// <summary>The order card with what the marketplace says about the order beneath it: status, deadline and time left,
/// amount, the buyer's country, items, tracking and dispute. Everything escaped; a long item list ends with "and N
/// more" so the card stays within Telegram's limit.</summary>
public static class OrderCardText
{
    private const int MaxItemsShown = 10;
    private const int MaxNameLength = 120;

    // Room kept for the "Taken by" line a claim adds to the card's head.
    private const int ClaimRoom = 160;

    /// <summary>The whole card: its head and the order's facts beneath.</summary>
    public static string Render(Conversation conversation, OrderFacts facts, DateTimeOffset now) =>
        StaffFormatter.CardMessage(conversation, null, factsHtml: Facts(conversation, facts, now));

    /// <summary>The lines under the card's head, cut so that the card, with a claim's line, fits one Telegram message.</summary>
    public static string Facts(Conversation conversation, OrderFacts facts, DateTimeOffset now)
    {
        var room = ChatLimits.MaxTextLength - ClaimRoom - HtmlSplitter.PlainLength(StaffFormatter.OrderCard(conversation)) - 2;
        for (var shown = Math.Min(MaxItemsShown, facts.Items.Count); ; shown--)
        {
            var text = string.Join('\n', Lines(facts, now, shown));
            if (HtmlSplitter.PlainLength(text) <= room)
            {
                return text;
            }

            if (shown == 0)
            {
                return HtmlSplitter.Split(text, room)[0];
            }
        }
    }

    /// <summary>"3 d 4 h left" or "overdue by 2 h".</summary>
    public static string TimeLeft(DateTimeOffset at, DateTimeOffset now) =>
        at >= now ? $"{Durations.Format(at - now)} left" : $"overdue by {Durations.Format(now - at)}";

    private static IEnumerable<string> Lines(OrderFacts facts, DateTimeOffset now, int itemsShown)
    {
        if ((facts.Status ?? facts.StatusCode) is { } status)
        {
            yield return $"📦 <b>{Html.Escape(status)}</b>";
        }

        if (facts.Deadline is { } deadline)
        {
            var at = deadline.At.ToUniversalTime().ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture);
            yield return $"⏰ {Html.Escape(deadline.What)} {at} ({TimeLeft(deadline.At, now)})";
        }

        if (facts.Amount is { } amount)
        {
            yield return $"💰 {Money(amount, facts.Currency)}";
        }

        if (facts.BuyerCountry is { Length: > 0 } country)
        {
            yield return $"🌍 Ships to {Html.Escape(country)}";
        }

        foreach (var item in facts.Items.Take(itemsShown))
        {
            var price = item.Price is { } p ? $" · {Money(p, item.Currency ?? facts.Currency)}" : "";
            yield return $"• {Html.Escape(TextElements.Truncate(item.Name, MaxNameLength))} × {item.Quantity}{price}";
        }

        if (facts.Items.Count > itemsShown)
        {
            yield return $"• … and {facts.Items.Count - itemsShown} more";
        }

        foreach (var tracking in facts.Tracking)
        {
            var carrier = tracking.Carrier is { Length: > 0 } c ? $" ({Html.Escape(c)})" : "";
            yield return $"🚚 <code>{Html.Escape(tracking.Number)}</code>{carrier}";
        }

        if (facts.Dispute is { } dispute)
        {
            var reason = dispute.Reason is { Length: > 0 } r ? $": {Html.Escape(TextElements.Truncate(r, 300))}" : "";
            yield return $"{(dispute.IsOpen ? "⚠️" : "☑️")} Dispute {Html.Escape(dispute.Id)} <b>{Html.Escape(dispute.Status)}</b>{reason}";
        }
    }

    private static string Money(decimal amount, string? currency) =>
        Html.Escape(string.Create(CultureInfo.InvariantCulture, $"{amount:0.00}") + (currency is { Length: > 0 } ? " " + currency : ""));
}
