namespace Bot.Core.Conversations;

/// <summary>Where a conversation's order card is and what it last showed.</summary>
/// <param name="CardHash">A hash of the card's last text, so an unchanged card is not edited; null: not yet refreshed.</param>
/// <param name="DisputeKey">The order's dispute as last seen ("id:status"), or null when it had none.</param>
/// <param name="RefreshedAt">When the marketplace was last asked about the order; null: never.</param>
/// <param name="SeenMessageId">The conversation's newest message when it was last asked.</param>
/// <param name="LatestMessageId">The conversation's newest message now.</param>
/// <param name="OrderFinished">Whether the order was over when last read; null: not known (never read, or the adapter
/// cannot tell).</param>
/// <param name="RefusalNoted">A refusal of the order read was already logged (logged once until a read succeeds).</param>
public sealed record OrderCardState(
    long ConversationId,
    long ChatId,
    int MessageId,
    string? CardHash,
    string? DisputeKey,
    DateTimeOffset? RefreshedAt,
    long SeenMessageId,
    long LatestMessageId,
    bool RefusalNoted,
    bool? OrderFinished = null)
{
    /// <summary>Whether a stored dispute key ("id:open" or "id:closed") is of an open dispute.</summary>
    public static bool IsOpenDispute(string? disputeKey) => disputeKey?.EndsWith(":open", StringComparison.Ordinal) == true;
}
