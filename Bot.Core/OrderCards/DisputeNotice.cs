using Bot.Core.Chat;
using Bot.Core.Formatting;
using Bot.Core.Marketplace;
using Bot.Core.Staff.Commands;

namespace Bot.Core.OrderCards;

/// <summary>The note posted in the topic when an order's dispute opens: seen for the first time while open, or a
/// known one that turned open again. A change of status while it stays open is shown on the card only.</summary>
public static class DisputeNotice
{
    /// <summary>Under the note: the transcript, which a mediator reads (the card's export button does the same).</summary>
    public static IReadOnlyList<IReadOnlyList<ChatButton>> Buttons { get; } = [[new ChatButton("📄 Export the transcript", ExportCallback.Data)]];

    /// <summary>What is stored of the dispute as seen: its id and whether it is open ("123:open").</summary>
    public static string? Key(OrderDispute? dispute) => dispute is null ? null : $"{dispute.Id}:{(dispute.IsOpen ? "open" : "closed")}";

    /// <param name="lastKey">The <see cref="Key"/> as last stored, or null.</param>
    /// <returns>The note (HTML), or null when nothing opened.</returns>
    public static string? Opened(string? lastKey, OrderDispute? dispute, string orderId)
    {
        if (dispute is not { IsOpen: true } || Key(dispute) == lastKey)
        {
            return null;
        }

        var reason = dispute.Reason is { Length: > 0 } r ? $"\nReason: {Html.Escape(TextElements.Truncate(r, 300))}" : "";
        return $"⚠️ <b>The buyer opened a dispute</b> on order {Html.Escape(orderId)} (dispute {Html.Escape(dispute.Id)}: {Html.Escape(dispute.Status)}).{reason}";
    }
}
