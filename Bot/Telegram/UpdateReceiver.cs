using Bot.Core.Chat;
using Bot.Core.Operations;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Telegram;

/// <summary>Long-polls getUpdates and confirms an update's offset only after the core has stored its effect (the
/// library's own receiver confirms first, losing an update whose handler throws: telegram.md). A crash between
/// the two re-delivers the update, which the core's handlers recognise.</summary>
internal sealed partial class UpdateReceiver(
    ITelegramBotClient bot,
    IChatUpdateHandler handler,
    CursorStore cursors,
    BridgeHealth health,
    TimeProvider time,
    IOptions<TelegramOptions> options,
    ILogger<UpdateReceiver> logger) : BackgroundService
{
    internal const string OffsetCursor = "telegram:offset";
    private const int MaxAttemptsPerUpdate = 5;
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    private int failuresOfCurrent;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var offset = int.TryParse(await cursors.GetAsync(OffsetCursor, stoppingToken), out var stored) ? stored : 0;
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, 100, options.Value.PollTimeoutSeconds, Wanted, stoppingToken);
                health.TelegramSucceeded();
                backoff = TimeSpan.FromSeconds(1);
                foreach (var update in updates)
                {
                    if (!await HandleAsync(update, stoppingToken))
                    {
                        break; // Retry this update on the next round, without confirming it.
                    }

                    offset = update.Id + 1;
                    await cursors.SetAsync(OffsetCursor, offset.ToString(System.Globalization.CultureInfo.InvariantCulture), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                health.TelegramFailed(e.Message);
                LogPollFailed(e, backoff);
                await Task.Delay(backoff, time, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
    }

    /// <returns>False when the update should be tried again later; true when handled or given up on.</returns>
    private async Task<bool> HandleAsync(Update update, CancellationToken cancellationToken)
    {
        try
        {
            if (UpdateMapper.ToMessage(update) is { } message)
            {
                await handler.HandleMessageAsync(message, cancellationToken);
            }
            else if (UpdateMapper.ToCallback(update) is { } callback)
            {
                await handler.HandleCallbackAsync(callback, cancellationToken);
            }

            failuresOfCurrent = 0;
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (++failuresOfCurrent >= MaxAttemptsPerUpdate)
            {
                // A poison update must not block every later one; it is logged with its id for the operators.
                LogGaveUp(e, update.Id, failuresOfCurrent);
                failuresOfCurrent = 0;
                return true;
            }

            LogHandlerFailed(e, update.Id, failuresOfCurrent);
            await Task.Delay(TimeSpan.FromSeconds(failuresOfCurrent), time, cancellationToken);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "getUpdates failed; trying again in {Delay}")]
    private partial void LogPollFailed(Exception error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling update {UpdateId} failed (attempt {Attempt}); it will be retried")]
    private partial void LogHandlerFailed(Exception error, int updateId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on update {UpdateId} after {Attempts} attempts")]
    private partial void LogGaveUp(Exception error, int updateId, int attempts);
}
