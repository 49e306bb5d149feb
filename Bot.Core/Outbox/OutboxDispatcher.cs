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
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger)
{

    private readonly Dictionary<string, IDeliveryHandler> byKind = handlers.ToDictionary(h => h.Kind);
    private readonly Dictionary<string, long> lastServed = [];
    private readonly DeliveryLogScope scopes = new(conversations);
    private readonly UnstoredOutcomes unstored = new();
    private readonly DeliveryRetryLog retryLog = new(time, logger);
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

            // The limiter decides the pace: a lane starts only when its chat's budget for this round has room for
            // its sends, so no delivery waits inside AcquireAsync (that would hold a slot other chats could use).
            if (item.ChatId is { } chatId && (!budget.IsOpen(chatId) || !budget.TryTake(chatId, await SendsNeededAsync(item, cancellationToken))))
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
            if (!await RunAsync(item, cancellationToken) || count == MaxItemsPerLaneRun || stopStarting.IsCancellationRequested ||
                await store.GetNextDueInLaneAsync(item.Lane, cancellationToken) is not { } next ||
                (next.ChatId is { } chatId && !budget.TryTake(chatId, await SendsNeededAsync(next, cancellationToken))))
            {
                return count;
            }

            item = next;
        }
    }

    private Task<int> SendsNeededAsync(OutboxItem item, CancellationToken cancellationToken) =>
        byKind.TryGetValue(item.Kind, out var handler) ? handler.SendsNeededAsync(item, cancellationToken) : Task.FromResult(1);

    /// <summary>When something next needs doing, for the worker's sleep.</summary>
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) => store.GetNextDueAsync(cancellationToken);

    /// <returns>True when the item was delivered (and that is stored).</returns>
    private async Task<bool> RunAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        using var scope = await scopes.BeginAsync(logger, connections, item, cancellationToken);
        if (!byKind.TryGetValue(item.Kind, out var handler))
        {
            var reason = $"No handler for outbox kind '{item.Kind}'.";
            await StoreOutcomeAsync(item, reason, delivered: false, () => DeadLetterAsync(item, null, reason, item.Attempts + 1, cancellationToken), cancellationToken);
            return false;
        }

        if (unstored.Find(item.Id) is { } earlier)
        {
            // The last attempt's outcome is not stored yet: store it now rather than send again.
            if (earlier.Delivered)
            {
                return await StoreOutcomeAsync(item, earlier.Error, delivered: true, () => CompleteAsync(item, handler), cancellationToken);
            }

            await StoreOutcomeAsync(item, earlier.Error, delivered: false, () => RescheduleUnstoredAsync(item, earlier, cancellationToken), cancellationToken);
            return false;
        }

        IReadOnlyList<OutboxItem> delivered = [item];
        try
        {
            delivered = await DeliverAsync(item, handler, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            await StoreOutcomeAsync(item, e.Message, delivered: false, () => FailAsync(item, handler, e, cancellationToken), cancellationToken);
            return false;
        }

        // A merged send completes every item it carried in one transaction. Should that write fail, every item it carried
        // waits in memory as delivered, so none is sent again for want of a record.
        var stored = await StoreOutcomeAsync(item, "", delivered: true, () => CompleteAsync(delivered, handler), cancellationToken);
        if (!stored)
        {
            foreach (var carried in delivered.Skip(1))
            {
                unstored.Remember(carried.Id, delivered: true, "", time.GetUtcNow(), retries.Backoff);
            }
        }

        return stored;
    }

    /// <summary>Delivers the item, together with the lane's due items of its kind that follow it when its handler can
    /// merge them into one send (what waited goes at once; nothing waits for more to merge).</summary>
    private async Task<IReadOnlyList<OutboxItem>> DeliverAsync(OutboxItem item, IDeliveryHandler handler, CancellationToken cancellationToken)
    {
        if (handler is IMergingDeliveryHandler merging)
        {
            var following = (await store.GetDueInLaneAsync(item.Lane, MaxItemsPerLaneRun + 1, cancellationToken))
                .SkipWhile(i => i.Id <= item.Id)
                .TakeWhile(i => i.Kind == item.Kind && unstored.Find(i.Id) is null)
                .ToList();
            if (following.Count > 0)
            {
                return await merging.DeliverMergedAsync(item, following, cancellationToken);
            }
        }

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

    private Task CompleteAsync(OutboxItem item, IDeliveryHandler handler) => CompleteAsync([item], handler);

    private async Task CompleteAsync(IReadOnlyList<OutboxItem> items, IDeliveryHandler handler)
    {
        await using (var session = await DbSession.BeginAsync(connections, CancellationToken.None))
        {
            foreach (var item in items)
            {
                await handler.OnDeliveredAsync(session, item);
                await store.CompleteAsync(session, item.Id);
            }

            await session.CommitAsync(CancellationToken.None);
        }

        retryLog.Delivered();
        foreach (var item in items)
        {
            metrics.Delivered(item.Kind);
            foreach (var observer in observers)
            {
                observer.Delivered(item);
            }
        }
    }

    /// <summary>Stores a failure that could not be stored when it happened, as a failed attempt: the item is retried
    /// after its back-off (sent again then: whether the failed attempt reached the other side is unknown).</summary>
    private Task RescheduleUnstoredAsync(OutboxItem item, UnstoredOutcome earlier, CancellationToken cancellationToken)
    {
        var next = retries.Decide(item, FailureKind.Outage, time.GetUtcNow());
        return store.RescheduleAsync(item.Id, next.Attempts, next.Due, earlier.Error, next.FailingSince, cancellationToken);
    }

    private async Task FailAsync(OutboxItem item, IDeliveryHandler handler, Exception error, CancellationToken cancellationToken)
    {
        var reason = error.Message;
        var kind = DeliveryFailures.Classify(error, item.ChatId, connections.IsOutage);
        metrics.Failed(item.Kind, kind);
        if (kind == FailureKind.RateLimited)
        {
            metrics.RateLimited();
        }
        else if (kind == FailureKind.ChatMigrated && error is ChatDeliveryException { MigrateToChatId: { } newChatId } && item.ChatId is { } oldChatId)
        {
            await MigrateAsync(oldChatId, newChatId, cancellationToken);
        }

        foreach (var observer in observers)
        {
            observer.Failed(item, error);
        }

        var next = retries.Decide(item, kind, time.GetUtcNow(), (error as ChatDeliveryException)?.RetryAfter);
        if (next is { GiveUp: true, Settle: true })
        {
            await SettleAsync(item, handler, reason, cancellationToken);
            return;
        }

        if (next.GiveUp)
        {
            await DeadLetterAsync(item, handler, next.Why is null ? reason : $"{reason} (given up: {next.Why})", next.Attempts, cancellationToken);
            return;
        }

        if (next.Attempts > item.Attempts)
        {
            retryLog.Retrying(error, item, kind, next.Attempts, next.Due - time.GetUtcNow());
        }

        await store.RescheduleAsync(item.Id, next.Attempts, next.Due, reason, next.FailingSince, cancellationToken);
    }

    private async Task DeadLetterAsync(OutboxItem item, IDeliveryHandler? handler, string reason, int attempts, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await store.DeadLetterAsync(session, item.Id, attempts, reason);
        if (handler is not null)
        {
            await handler.OnDeadAsync(session, item, reason);
        }

        await session.CommitAsync(cancellationToken);
        metrics.DeadLetter(item.Kind);
        LogDead(item.Id, item.Kind, item.ConversationId, reason);
    }

    /// <summary>Marks the item done although it was not delivered: nobody can receive it and nobody needs to act.</summary>
    private async Task SettleAsync(OutboxItem item, IDeliveryHandler handler, string reason, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await handler.OnSettledAsync(session, item, reason);
        await store.CompleteAsync(session, item.Id);
        await session.CommitAsync(cancellationToken);
        LogSettled(item.Id, item.Kind, reason);
    }

    private async Task MigrateAsync(long oldChatId, long newChatId, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await conversations.MigrateChatAsync(session, oldChatId, newChatId);
        await store.MigrateChatAsync(session, oldChatId, newChatId);
        await session.CommitAsync(cancellationToken);
        LogMigrated(oldChatId, newChatId);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {OutboxId} ({Kind}): the database did not store its outcome (delivered: {Delivered}); it is not sent again before that is stored, next try at {NotBefore}")]
    private partial void LogUnstored(Exception error, long outboxId, string kind, bool delivered, DateTimeOffset notBefore);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {OutboxId} ({Kind}) of conversation {ConversationId} is a dead letter: {Reason}")]
    private partial void LogDead(long outboxId, string kind, long? conversationId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {OutboxId} ({Kind}) settled undelivered: {Reason}")]
    private partial void LogSettled(long outboxId, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat {OldChatId} became supergroup {NewChatId}: stored ids updated; set Telegram__StaffChatId to the new id")]
    private partial void LogMigrated(long oldChatId, long newChatId);
}
