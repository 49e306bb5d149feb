using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Outbox;

/// <summary>What an attempt's outcome does to the stored item: completed (with what its handler records), rescheduled
/// by the retry policy, settled undelivered, or a dead letter; a chat that became a supergroup is followed. Logged under
/// the dispatcher's category.</summary>
internal sealed partial class DeliveryOutcomes(
    IOutboxRepository store,
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    RelayMetrics metrics,
    RetryPolicy retries,
    IEnumerable<IDeliveryObserver> observers,
    TimeProvider time,
    ILogger logger)
{
    private readonly DeliveryRetryLog retryLog = new(time, logger);
    private readonly CompletionBatch completions = new(connections, store);

    public Task CompleteAsync(OutboxItem item, IDeliveryHandler handler) => CompleteAsync([item], handler);

    public async Task CompleteAsync(IReadOnlyList<OutboxItem> items, IDeliveryHandler handler)
    {
        await completions.StoreAsync(items, handler);

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
    public Task RescheduleUnstoredAsync(OutboxItem item, UnstoredOutcome earlier, CancellationToken cancellationToken)
    {
        var next = retries.Decide(item, FailureKind.Outage, time.GetUtcNow());
        return store.RescheduleAsync(item.Id, next.Attempts, next.Due, earlier.Error, next.FailingSince, cancellationToken);
    }

    public async Task FailAsync(OutboxItem item, IDeliveryHandler handler, Exception error, CancellationToken cancellationToken)
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

    public async Task DeadLetterAsync(OutboxItem item, IDeliveryHandler? handler, string reason, int attempts, CancellationToken cancellationToken)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {OutboxId} ({Kind}) of conversation {ConversationId} is a dead letter: {Reason}")]
    private partial void LogDead(long outboxId, string kind, long? conversationId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {OutboxId} ({Kind}) settled undelivered: {Reason}")]
    private partial void LogSettled(long outboxId, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat {OldChatId} became supergroup {NewChatId}: stored ids updated; set Telegram__StaffChatId to the new id")]
    private partial void LogMigrated(long oldChatId, long newChatId);
}
