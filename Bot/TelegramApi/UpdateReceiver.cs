using System.Globalization;
using Bot.Core.Leases;
using Bot.Core.Operations;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Bot.TelegramApi;

/// <summary>Long-polls getUpdates and confirms an update's offset only after the core has stored its effect (the
/// library's own receiver confirms first, losing an update whose handler throws). A crash between
/// the two re-delivers the update, which the core's handlers recognise. An update whose handling fails is parked
/// (<see cref="ParkedUpdateRetrier"/>) and the loop moves on: one bad update never holds up the others.
/// <para>Update ids: after a week without updates Telegram may restart them at a random number
/// (https://core.telegram.org/bots/api#update), possibly
/// below the stored offset. The Bot API server answers an offset far above its newest id from the start of its queue
/// (so updates arrive with ids below the offset: the offset then simply follows them down), but an offset just above
/// the new ids would confirm, and so swallow, them. Since Telegram keeps an undelivered update only 24 hours, nothing
/// unconfirmed can be older than that: after a quiet day the receiver polls without an offset (the earliest
/// unconfirmed update first), which is right whatever the ids did.</para>
/// <para>With several instances on one database, only the holder of the <see cref="LeaseNames.TelegramUpdates"/> lease
/// calls getUpdates (Telegram answers a second caller 409 Conflict); it reads the stored offset each time it takes
/// the lease.</para></summary>
internal sealed partial class UpdateReceiver(
    ITelegramBotClient bot,
    ParkedUpdateRetrier updates,
    ICursorRepository cursors,
    BridgeHealth health,
    LeasedWork leased,
    TimeProvider time,
    IOptions<TelegramOptions> options,
    ILogger<UpdateReceiver> logger) : BackgroundService
{
    private readonly GetUpdatesFailureLog failures = new(time, logger);

    internal const string OffsetCursor = "telegram:offset";

    /// <summary>How long Telegram keeps an undelivered update.</summary>
    internal static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery];

    // While another live instance receives, this one counts Telegram as answering (for /readyz and the alerts).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leased.RunAsync(LeaseNames.TelegramUpdates, ReceiveAsync, health.TelegramSucceeded, stoppingToken);

    private async Task ReceiveAsync(CancellationToken stoppingToken)
    {
        var offset = 0;
        var lastUpdateAt = time.GetUtcNow();
        var backoff = TimeSpan.FromSeconds(1);
        var loaded = false;
        // The first poll after start asks without waiting: Telegram answers at once, so /readyz can say it answered
        // within the start-up instead of after the first long poll (25 s when nobody writes).
        var answered = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!loaded)
                {
                    var stored = await cursors.GetWithTimeAsync(OffsetCursor, stoppingToken);
                    offset = int.TryParse(stored?.Value, CultureInfo.InvariantCulture, out var value) ? value : 0;
                    lastUpdateAt = stored?.UpdatedAt ?? lastUpdateAt;
                    loaded = true;
                }

                await updates.RetryDueAsync(stoppingToken);
                var quiet = offset > 0 && time.GetUtcNow() - lastUpdateAt >= Retention;
                var timeout = answered ? await updates.PollTimeoutAsync(options.Value.PollTimeoutSeconds, stoppingToken) : 0;
                // Raw, then decoded one by one: one update the library cannot decode must not fail (and so stall on)
                // the whole batch.
                var result = await bot.SendRequest(new RawGetUpdatesRequest(quiet ? null : offset, 100, timeout, Wanted), stoppingToken);
                var batch = RawUpdate.Split(result).ToList();
                health.TelegramSucceeded();
                answered = true;
                failures.Succeeded();
                backoff = TimeSpan.FromSeconds(1);
                int? previous = null;
                foreach (var raw in batch)
                {
                    if (raw.Id is { } restarted && restarted < offset)
                    {
                        LogIdsRestarted(offset, restarted);
                    }

                    // Throws only when the update can be neither handled nor parked (the database is gone): then it
                    // stays unconfirmed and comes again.
                    if (raw.Update is { } update)
                    {
                        await updates.HandleOrParkAsync(update, stoppingToken);
                    }
                    else
                    {
                        await updates.ParkUndecodableAsync(raw, stoppingToken);
                    }

                    // Ids only grow within a batch, so one without a readable id has at least the previous one's id + 1:
                    // confirming that drops nothing unseen. The first of a batch has no such bound and is confirmed by
                    // the next update's offset.
                    if ((raw.Id ?? previous + 1) is not { } id)
                    {
                        continue;
                    }

                    previous = id;
                    offset = id + 1;
                    lastUpdateAt = time.GetUtcNow();
                    await cursors.SetAsync(OffsetCursor, offset.ToString(CultureInfo.InvariantCulture), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                health.TelegramFailed(e.Message, needsOperator: e is ApiRequestException { ErrorCode: 401 });
                failures.Failed(e, backoff);
                try
                {
                    await Task.Delay(backoff, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram restarted update ids: got {UpdateId} while the offset was {Offset}; following the new ids")]
    private partial void LogIdsRestarted(int offset, int updateId);
}
