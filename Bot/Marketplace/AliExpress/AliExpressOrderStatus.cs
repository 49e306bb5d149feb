namespace Bot.Marketplace.AliExpress;

/// <summary>AliExpress order and dispute states in words staff understand (reference 5.3 and 6.1), and what the
/// deadline of a status (<c>over_time_left</c>) asks for.</summary>
internal static class AliExpressOrderStatus
{
    public static string Words(string code) => code.ToUpperInvariant() switch
    {
        "PLACE_ORDER_SUCCESS" => "Waiting for the buyer's payment",
        "PAYMENT_PROCESSING" => "Payment processing",
        "RISK_CONTROL" or "RISK_CONTROL_HOLD" => "Payment under risk check (24 h after payment)",
        "IN_CANCEL" => "The buyer asked to cancel",
        "WAIT_SELLER_SEND_GOODS" => "Paid, waiting for you to ship",
        "SELLER_PART_SEND_GOODS" => "Partly shipped",
        "WAIT_BUYER_ACCEPT_GOODS" => "Shipped, waiting for the buyer to confirm receipt",
        "FUND_PROCESSING" => "Completed, funds processing",
        "IN_ISSUE" => "In dispute",
        "IN_FROZEN" => "Frozen",
        "WAIT_SELLER_EXAMINE_MONEY" => "Waiting for you to confirm the amount",
        "FINISH" => "Finished",
        "ARCHIVE" => "Archived",
        _ => code,
    };

    /// <summary>Whether an order in this status is over: finished or archived (null: no status given).</summary>
    public static bool? Finished(string? code) => code is null ? null : code.ToUpperInvariant() is "FINISH" or "ARCHIVE";

    /// <summary>What must happen before the status times out.</summary>
    public static string DeadlineWhat(string? code) => code?.ToUpperInvariant() switch
    {
        "WAIT_SELLER_SEND_GOODS" or "SELLER_PART_SEND_GOODS" => "Ship by",
        "WAIT_BUYER_ACCEPT_GOODS" => "Buyer confirms receipt by",
        "IN_CANCEL" => "Answer the cancellation by",
        "PLACE_ORDER_SUCCESS" => "Buyer pays by",
        "WAIT_SELLER_EXAMINE_MONEY" => "Confirm the amount by",
        _ => "This status ends",
    };

    public static string DisputeWords(string? status) => status?.ToLowerInvariant() switch
    {
        "processing" => "open",
        "canceled_issue" => "cancelled by the buyer",
        "finish" => "finished, refund done",
        null or "" => "unknown",
        _ => status,
    };

    public static bool DisputeOpen(string? status) => status is null || status.Equals("processing", StringComparison.OrdinalIgnoreCase);
}
