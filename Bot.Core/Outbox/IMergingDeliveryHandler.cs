namespace Bot.Core.Outbox;

/// <summary>A handler that can carry several consecutive items of one lane in a single send (e.g. buyer messages of one
/// conversation that waited for the staff group's budget go out as one Telegram message).</summary>
public interface IMergingDeliveryHandler : IDeliveryHandler
{
    /// <summary>Delivers <paramref name="head"/> and as many of the items that follow it in its lane as fit one send.
    /// The items it did not take stay pending, in order.</summary>
    /// <param name="following">The lane's due items after the head, in order, all of the head's kind.</param>
    /// <returns>The items delivered, the head first; each is completed in one transaction with its
    /// <see cref="IDeliveryHandler.OnDeliveredAsync"/>.</returns>
    Task<IReadOnlyList<OutboxItem>> DeliverMergedAsync(OutboxItem head, IReadOnlyList<OutboxItem> following, CancellationToken cancellationToken);
}
