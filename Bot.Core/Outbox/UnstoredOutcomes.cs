namespace Bot.Core.Outbox;

/// <summary>Deliveries whose outcome the database would not store (disk full, locked, read-only), remembered in memory
/// so that they are not sent again for that reason. A delivery the other side accepted is only completed again, never
/// resent; one whose failure could not be stored is held, not sent, until a write about it succeeds. The bound: while
/// the database refuses writes, each delivery is sent at most once. Memory is all there is, so a restart may send each
/// such delivery once more, like any crash between a send and its record.</summary>
internal sealed class UnstoredOutcomes
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, UnstoredOutcome> items = [];

    public UnstoredOutcome? Find(long outboxId)
    {
        lock (gate)
        {
            return items.GetValueOrDefault(outboxId);
        }
    }

    /// <summary>Whether the item waits before its outcome is tried again (so a dispatch round skips it).</summary>
    public bool IsWaiting(long outboxId, DateTimeOffset now) => Find(outboxId) is { } outcome && outcome.NotBefore > now;

    /// <param name="delivered">The other side accepted the delivery (sticky: once known, a later failure to store it
    /// does not make it unknown again).</param>
    /// <param name="wait">How long to wait before trying to store it again, given the tries so far.</param>
    /// <returns>The outcome as now remembered.</returns>
    public UnstoredOutcome Remember(long outboxId, bool delivered, string error, DateTimeOffset now, Func<int, TimeSpan> wait)
    {
        lock (gate)
        {
            var tries = 1;
            if (items.TryGetValue(outboxId, out var known))
            {
                delivered |= known.Delivered;
                tries = known.Tries + 1;
                error = known.Error;
            }

            var outcome = new UnstoredOutcome(delivered, error, tries, now + wait(tries));
            items[outboxId] = outcome;
            return outcome;
        }
    }

    public void Forget(long outboxId)
    {
        lock (gate)
        {
            items.Remove(outboxId);
        }
    }
}
