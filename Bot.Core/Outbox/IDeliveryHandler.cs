using Bot.Core.Storage;

namespace Bot.Core.Outbox;

/// <summary>Delivers one kind of outbox item. Must be safe to run again for the same item after a crash: record
/// progress (copies) as it goes and skip what is already done.</summary>
public interface IDeliveryHandler
{
    string Kind { get; }

    /// <summary>True when the delivery reads its item's conversation through <see cref="DeliveryRecords"/> before it logs
    /// anything: the delivery's log scope takes the conversation's order id from that read instead of reading it first.</summary>
    bool ReadsConversation => false;

    /// <summary>How many chat sends the delivery will make, for scheduling within the chat's budget (an estimate; a
    /// low one only means the delivery may wait briefly for the limiter).</summary>
    Task<int> SendsNeededAsync(OutboxItem item, CancellationToken cancellationToken) => Task.FromResult(1);

    /// <summary>The same for several items at once (a round's heads), by item id: a handler that reads to answer reads
    /// once for all of them. By default <see cref="SendsNeededAsync(OutboxItem, CancellationToken)"/> for each.</summary>
    async Task<IReadOnlyDictionary<long, int>> SendsNeededAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        var sends = new Dictionary<long, int>(items.Count);
        foreach (var item in items)
        {
            sends[item.Id] = await SendsNeededAsync(item, cancellationToken);
        }

        return sends;
    }

    /// <summary>Does the delivery; throws to have it retried (or dead-lettered, by the error's kind).</summary>
    Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken);

    /// <summary>Runs in the transaction that marks the item done: enqueue follow-ups here.</summary>
    Task OnDeliveredAsync(DbSession session, OutboxItem item) => Task.CompletedTask;

    /// <summary>Runs in the transaction that marks the items of one send done (several when a merging handler carried
    /// them in one send), in their order: by default <see cref="OnDeliveredAsync(DbSession, OutboxItem)"/> for each.</summary>
    async Task OnDeliveredAsync(DbSession session, IReadOnlyList<OutboxItem> items)
    {
        foreach (var item in items)
        {
            await OnDeliveredAsync(session, item);
        }
    }

    /// <summary>Runs in the transaction that settles the item undelivered because its recipient cannot be reached
    /// (<see cref="FailureKind.Unreachable"/>: they blocked the bot). No dead letter, no alert.</summary>
    Task OnSettledAsync(DbSession session, OutboxItem item, string reason) => Task.CompletedTask;

    /// <summary>Runs in the transaction that dead-letters the item: tell the people concerned here.</summary>
    Task OnDeadAsync(DbSession session, OutboxItem item, string reason) => Task.CompletedTask;
}
