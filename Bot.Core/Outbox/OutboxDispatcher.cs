using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Outbox;

/// <summary>Delivers due outbox items: the head of each lane, lanes that waited longest first (so one busy topic
/// cannot starve the others), only to chats whose send budget has room, several lanes at once.</summary>
public sealed partial class OutboxDispatcher(
    IOutboxRepository store,
    IEnumerable<IDeliveryHandler> handlers,
    ChatRateLimiter limiter,
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    RelayMetrics metrics,
    RetryPolicy retries,
    IEnumerable<IDeliveryObserver> observers,
    IDeliveryClaims claims,
    ConversationLabels labels,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger)
{

    private readonly Dictionary<string, IDeliveryHandler> byKind = handlers.ToDictionary(h => h.Kind);
    private readonly Dictionary<string, long> lastServed = [];
    private readonly DeliveryLogScope scopes = new(conversations, labels);
    private readonly UnstoredOutcomes unstored = new();
    private readonly DeliveryOutcomes outcomes = new(store, connections, conversations, metrics, retries, observers, time, logger);
    private long turn;

    /// <summary>How many items of one lane a round delivers back to back before the lane goes to the end of the queue.</summary>
    private const int MaxItemsPerLaneRun = 16;

    /// <returns>How many items were attempted.</returns>
    /// <remarks>Each chosen lane runs as one task that delivers its due items in order, back to back, while its chat's
    /// budget has room; up to <see cref="OutboxOptions.MaxParallelDeliveries"/> lanes run at once, and a finished lane's
    /// slot goes to the next lane at once (no round waits for its slowest lane). The query that finds every lane's
    /// head runs once per round, not once per item.</remarks>
    public Task<int> DispatchOnceAsync(CancellationToken cancellationToken) => DispatchOnceAsync(cancellationToken, cancellationToken);

    /// <summary>A round that stops starting deliveries once <paramref name="stopStarting"/> is cancelled but lets those in
    /// flight finish and store their outcome, until <paramref name="cancellationToken"/> cancels them too. A send that
    /// Telegram or the marketplace accepted is then recorded before the bridge stops, instead of going out again after
    /// the restart.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken stopStarting, CancellationToken cancellationToken)
    {
        if (stopStarting.IsCancellationRequested)
        {
            return 0;
        }

        var heads = await store.GetDueHeadsAsync(500, cancellationToken);
        var running = new List<Task<int>>();
        var budget = new RoundBudget(limiter);
        var attempted = 0;
        var now = time.GetUtcNow();
        // Asked before the round's budget is (IsOpen takes each chat's room when first asked, as the loop below goes).
        var sends = await SendsNeededAsync(heads.Where(h => h.ChatId is not null && !unstored.IsWaiting(h.Id, now)).ToList(), cancellationToken);
        foreach (var item in heads.OrderBy(h => lastServed.GetValueOrDefault(h.Lane)).ThenBy(h => h.Id))
        {
            if (stopStarting.IsCancellationRequested)
            {
                break;
            }

            // An item whose last outcome the database would not store waits in memory (only a lane's head can).
            if (unstored.IsWaiting(item.Id, now))
            {
                continue;
            }

            // A chat this instance has no room for now is left unclaimed, for an instance that has (the overall budget
            // is shared between them).
            if (item.ChatId is { } full && !budget.IsOpen(full, sends.GetValueOrDefault(item.Id, 1)))
            {
                continue;
            }

            // Another instance on the same database may be delivering this chat's or lane's items.
            if (!await claims.TryClaimAsync(item, cancellationToken))
            {
                continue;
            }

            // The limiter decides the pace: a lane starts only when its chat's budget for this round has room for
            // its sends, so no delivery waits inside AcquireAsync (that would hold a slot other chats could use).
            if (item.ChatId is { } chatId &&
                !budget.TryTake(chatId, sends.TryGetValue(item.Id, out var needed) ? needed : await SendsNeededAsync(item, cancellationToken)))
            {
                continue;
            }

            lastServed[item.Lane] = ++turn;
            running.Add(RunLaneAsync(item, budget, stopStarting, cancellationToken));
            if (running.Count == options.Value.MaxParallelDeliveries)
            {
                var finished = await Task.WhenAny(running);
                running.Remove(finished);
                attempted += await finished;
            }
        }

        if (lastServed.Count > 100_000)
        {
            lastServed.Clear(); // Bounded memory; fairness restarts from equal footing.
        }

        foreach (var count in await Task.WhenAll(running))
        {
            attempted += count;
        }

        return attempted;
    }

    /// <summary>Delivers a lane's head, then its following due items, stopping at a failure, at the chat's budget, or
    /// after <see cref="MaxItemsPerLaneRun"/> items.</summary>
    private async Task<int> RunLaneAsync(OutboxItem head, RoundBudget budget, CancellationToken stopStarting, CancellationToken cancellationToken)
    {
        var item = head;
        for (var count = 1; ; count++)
        {
            // Lanes take turns item by item even where every step completes synchronously.
            await Task.Yield();
            var (stored, laneDone) = await RunAsync(item, cancellationToken);
            if (!stored || laneDone || count == MaxItemsPerLaneRun || stopStarting.IsCancellationRequested ||
                await store.GetNextDueInLaneAsync(item.Lane, cancellationToken) is not { } next ||
                !await claims.TryClaimAsync(next, cancellationToken) ||
                (next.ChatId is { } chatId && !budget.TryTake(chatId, await SendsNeededAsync(next, cancellationToken))))
            {
                return count;
            }

            item = next;
        }
    }

    /// <summary>The sends of the round's heads that may start, asked of each handler once for all its items (the staff
    /// posts' shapes in one read, not one read per lane).</summary>
    private async Task<Dictionary<long, int>> SendsNeededAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        var sends = new Dictionary<long, int>(items.Count);
        foreach (var kind in items.GroupBy(i => i.Kind))
        {
            if (byKind.TryGetValue(kind.Key, out var handler))
            {
                foreach (var (id, count) in await handler.SendsNeededAsync(kind.ToList(), cancellationToken))
                {
                    sends[id] = count;
                }
            }
        }

        return sends;
    }

    private Task<int> SendsNeededAsync(OutboxItem item, CancellationToken cancellationToken) =>
        byKind.TryGetValue(item.Kind, out var handler) ? handler.SendsNeededAsync(item, cancellationToken) : Task.FromResult(1);

    /// <summary>When something next needs doing, for the worker's sleep.</summary>
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) => store.GetNextDueAsync(cancellationToken);

    /// <returns>Stored: true when the item was delivered (and that is stored). LaneDone: true when the send carried every
    /// item the lane had due when it was read before the send, so that asking for the lane's next item would find none
    /// (an item enqueued since is the lane's head in the next round, which follows at once).</returns>
    private async Task<(bool Stored, bool LaneDone)> RunAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var handler = byKind.GetValueOrDefault(item.Kind);
        if (handler?.ReadsConversation != true)
        {
            await scopes.EnsureLabelAsync(connections, item, cancellationToken);
        }

        using var scope = scopes.Begin(logger, item);
        if (handler is null)
        {
            var reason = $"No handler for outbox kind '{item.Kind}'.";
            await StoreOutcomeAsync(item, reason, delivered: false, () => outcomes.DeadLetterAsync(item, null, reason, item.Attempts + 1, cancellationToken), cancellationToken);
            return (false, false);
        }

        if (unstored.Find(item.Id) is { } earlier)
        {
            await scopes.LabelBeforeFailureAsync(logger, connections, item, cancellationToken);
            // The last attempt's outcome is not stored yet: store it now rather than send again.
            if (earlier.Delivered)
            {
                return (await StoreOutcomeAsync(item, earlier.Error, delivered: true, () => outcomes.CompleteAsync(item, handler), cancellationToken), false);
            }

            await StoreOutcomeAsync(item, earlier.Error, delivered: false, () => outcomes.RescheduleUnstoredAsync(item, earlier, cancellationToken), cancellationToken);
            return (false, false);
        }

        IReadOnlyList<OutboxItem> delivered = [item];
        var laneDone = false;
        try
        {
            (delivered, laneDone) = await DeliverAsync(item, handler, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            await scopes.LabelBeforeFailureAsync(logger, connections, item, cancellationToken);
            await StoreOutcomeAsync(item, e.Message, delivered: false, () => outcomes.FailAsync(item, handler, e, cancellationToken), cancellationToken);
            return (false, false);
        }

        // A merged send completes every item it carried in one transaction. Should that write fail, every item it carried
        // waits in memory as delivered, so none is sent again for want of a record.
        var stored = await StoreOutcomeAsync(item, "", delivered: true, () => outcomes.CompleteAsync(delivered, handler), cancellationToken);
        if (!stored)
        {
            foreach (var carried in delivered.Skip(1))
            {
                unstored.Remember(carried.Id, delivered: true, "", time.GetUtcNow(), retries.Backoff);
            }
        }

        return (stored, stored && laneDone);
    }

    /// <summary>Delivers the item, together with the lane's due items of its kind that follow it when its handler can
    /// merge them into one send (what waited goes at once; nothing waits for more to merge).</summary>
    /// <returns>What the send carried, and whether that is all the lane had due (known only where the lane was read).</returns>
    private async Task<(IReadOnlyList<OutboxItem> Delivered, bool LaneDone)> DeliverAsync(OutboxItem item, IDeliveryHandler handler, CancellationToken cancellationToken)
    {
        if (handler is IMergingDeliveryHandler merging)
        {
            // The head, its due successors, and one more than a lane run takes (fewer back: the read saw the whole lane).
            var due = await store.GetDueInLaneAsync(item.Lane, MaxItemsPerLaneRun + 1, cancellationToken);
            var following = due
                .SkipWhile(i => i.Id <= item.Id)
                .TakeWhile(i => i.Kind == item.Kind && unstored.Find(i.Id) is null)
                .ToList();
            IReadOnlyList<OutboxItem> delivered = following.Count > 0 ? await merging.DeliverMergedAsync(item, following, cancellationToken) : await DeliverOneAsync(item, handler, cancellationToken);
            return (delivered, due.Count <= MaxItemsPerLaneRun && due.Select(i => i.Id).SequenceEqual(delivered.Select(i => i.Id)));
        }

        return (await DeliverOneAsync(item, handler, cancellationToken), false);
    }

    private static async Task<IReadOnlyList<OutboxItem>> DeliverOneAsync(OutboxItem item, IDeliveryHandler handler, CancellationToken cancellationToken)
    {
        await handler.DeliverAsync(item, cancellationToken);
        return [item];
    }

    /// <summary>Runs the write that stores an attempt's outcome. When the database refuses it, the outcome is kept in
    /// memory instead (<see cref="UnstoredOutcomes"/>), so the item is not sent again for want of a record.</summary>
    /// <returns>True when the outcome is stored.</returns>
    private async Task<bool> StoreOutcomeAsync(OutboxItem item, string error, bool delivered, Func<Task> write, CancellationToken cancellationToken)
    {
        try
        {
            await write();
            unstored.Forget(item.Id);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            var outcome = unstored.Remember(item.Id, delivered, error, time.GetUtcNow(), retries.Backoff);
            LogUnstored(e, item.Id, item.Kind, outcome.Delivered, outcome.NotBefore);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {OutboxId} ({Kind}): the database did not store its outcome (delivered: {Delivered}); it is not sent again before that is stored, next try at {NotBefore}")]
    private partial void LogUnstored(Exception error, long outboxId, string kind, bool delivered, DateTimeOffset notBefore);
}
