namespace Bot.Core.Marketplace;

/// <summary>What the marketplace says about an order, for the order card. Every field is optional: adapters fill in
/// what their platform tells.</summary>
/// <param name="StatusCode">The platform's own status code (e.g. WAIT_SELLER_SEND_GOODS).</param>
/// <param name="Status">The status in words staff understand.</param>
/// <param name="Deadline">When the current status times out (ship by, confirm by), or null.</param>
/// <param name="Finished">Whether the order is over (nothing more will happen to it), or null when the adapter cannot
/// tell. A finished order's quiet topic may be closed.</param>
public sealed record OrderFacts(
    string? StatusCode,
    string? Status,
    IReadOnlyList<OrderItem> Items,
    decimal? Amount,
    string? Currency,
    string? BuyerCountry,
    IReadOnlyList<OrderTracking> Tracking,
    OrderDeadline? Deadline,
    OrderDispute? Dispute,
    bool? Finished = null);
