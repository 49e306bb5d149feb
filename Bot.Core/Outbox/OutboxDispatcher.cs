using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Core.Relay;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Outbox;

/// <summary>Delivers due outbox items: the head of each lane, lanes that waited longest first (so one busy topic
/// cannot starve the others), only to chats whose send budget has room, several lanes at once.</summary>
public sealed partial class OutboxDispatcher(
    OutboxStore store,
    IEnumerable<IDeliveryHandler> handlers,
    ChatRateLimiter limiter,
    IDbConnectionFactory connections,
    ConversationRepository conversations,
    RelayMetrics metrics,
    TimeProvider time,
    IOptions<RelayOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    private const int SendsPerItemReserve = 3;

    private readonly Dictionary<string, IDeliveryHandler> byKind = handlers.ToDictionary(h => h.Kind);
    private readonly Dictionary<string, long> lastServed = [];
    private long turn;

    /// <returns>How many items were attempted.</returns>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var heads = await store.GetDueHeadsAsync(500, cancellationToken);
        var chosen = new List<OutboxItem>();
        var rooms = new Dictionary<long, (int Room, int Taken)>();
        foreach (var item in heads.OrderBy(h => lastServed.GetValueOrDefault(h.Lane)).ThenBy(h => h.Id))
        {
            // One item per chat per round, more only while the chat's budget has room for all their sends: the limiter
            // decides the pace, and a round must not wait inside AcquireAsync (that holds up every other chat).
            // An extra item is counted at SendsPerItemReserve sends (a new topic, its card, the post).
            if (item.ChatId is { } chatId)
            {
                var room = rooms.TryGetValue(chatId, out var known) ? known : (Room: limiter.RoomFor(chatId), Taken: 0);
                if (room.Room <= 0 || (room.Taken > 0 && room.Room < (room.Taken + 1) * SendsPerItemReserve))
                {
                    continue;
                }

                rooms[chatId] = (room.Room, room.Taken + 1);
            }

            chosen.Add(item);
            lastServed[item.Lane] = ++turn;
            if (chosen.Count == options.Value.MaxParallelDeliveries)
            {
                break;
            }
        }

        if (lastServed.Count > 100_000)
        {
            lastServed.Clear(); // Bounded memory; fairness restarts from equal footing.
        }

        await Task.WhenAll(chosen.Select(item => RunAsync(item, cancellationToken)));
        return chosen.Count;
    }

    /// <summary>When something next needs doing, for the worker's sleep.</summary>
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) => store.GetNextDueAsync(cancellationToken);

    private async Task RunAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        using var scope = await DeliveryLogScope.BeginAsync(logger, connections, item, cancellationToken);
        if (!byKind.TryGetValue(item.Kind, out var handler))
        {
            await KillAsync(item, null, $"No handler for outbox kind '{item.Kind}'.", cancellationToken);
            return;
        }

        try
        {
            await handler.DeliverAsync(item, cancellationToken);
            await using var session = await DbSession.BeginAsync(connections, CancellationToken.None);
            await handler.OnDeliveredAsync(session, item);
            await store.CompleteAsync(session, item.Id);
            await session.CommitAsync(CancellationToken.None);
            metrics.Delivered(item.Kind);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            await FailAsync(item, handler, e, cancellationToken);
        }
    }

    private async Task FailAsync(OutboxItem item, IDeliveryHandler handler, Exception error, CancellationToken cancellationToken)
    {
        var reason = error.Message;
        metrics.Failed(item.Kind, Reason(error));
        switch (error)
        {
            case ChatDeliveryException { Kind: ChatErrorKind.RateLimited } e:
                // Not the item's fault: wait as told, without spending an attempt.
                metrics.RateLimited();
                await store.RescheduleAsync(item.Id, item.Attempts, time.GetUtcNow() + (e.RetryAfter ?? TimeSpan.FromSeconds(1)), reason, cancellationToken);
                return;
            case ChatDeliveryException { Kind: ChatErrorKind.ChatMigrated, MigrateToChatId: { } newChatId } when item.ChatId is { } oldChatId:
                await MigrateAsync(oldChatId, newChatId, cancellationToken);
                await store.RescheduleAsync(item.Id, item.Attempts, time.GetUtcNow(), reason, cancellationToken);
                return;
            case ChatDeliveryException { Kind: ChatErrorKind.BadRequest }:
            case MarketplaceException { Kind: MarketplaceErrorKind.Rejected }:
            case InvalidOperationException:
                await KillAsync(item, handler, reason, cancellationToken);
                return;
        }

        var attempts = item.Attempts + 1;
        if (attempts >= options.Value.MaxAttempts)
        {
            await KillAsync(item, handler, reason, cancellationToken, attempts);
            return;
        }

        var delay = Backoff(attempts);
        LogRetry(error, item.Id, item.Kind, attempts, delay);
        await store.RescheduleAsync(item.Id, attempts, time.GetUtcNow() + delay, reason, cancellationToken);
    }

    private TimeSpan Backoff(int attempts)
    {
        var o = options.Value;
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        var delay = TimeSpan.FromMilliseconds(o.RetryBaseDelay.TotalMilliseconds * factor);
        return delay < o.MaxRetryDelay ? delay : o.MaxRetryDelay;
    }

    private async Task KillAsync(OutboxItem item, IDeliveryHandler? handler, string reason, CancellationToken cancellationToken, int? attempts = null)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await store.KillAsync(session, item.Id, attempts ?? item.Attempts + 1, reason);
        if (handler is not null)
        {
            await handler.OnDeadAsync(session, item, reason);
        }

        await session.CommitAsync(cancellationToken);
        metrics.DeadLetter(item.Kind);
        LogDead(item.Id, item.Kind, item.ConversationId, reason);
    }

    private async Task MigrateAsync(long oldChatId, long newChatId, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await conversations.MigrateChatAsync(session, oldChatId, newChatId);
        await session.CommitAsync(cancellationToken);
        LogMigrated(oldChatId, newChatId);
    }

    private static string Reason(Exception e) => e switch
    {
        ChatDeliveryException c => c.Kind.ToString(),
        MarketplaceException m => m.Kind.ToString(),
        _ => e.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {OutboxId} ({Kind}) failed, attempt {Attempts}; retrying in {Delay}")]
    private partial void LogRetry(Exception error, long outboxId, string kind, int attempts, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {OutboxId} ({Kind}) of conversation {ConversationId} is a dead letter: {Reason}")]
    private partial void LogDead(long outboxId, string kind, long? conversationId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat {OldChatId} became supergroup {NewChatId}: stored ids updated; set Telegram__StaffChatId to the new id")]
    private partial void LogMigrated(long oldChatId, long newChatId);
}
