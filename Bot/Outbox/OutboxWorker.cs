using Bot.Core.Operations;
using Bot.Core.Outbox;

namespace Bot.Outbox;

/// <summary>Runs the outbox dispatcher until the host stops: once the staff chat was found usable, and not while paused.
/// The staff chat failing later (the bot removed from the group) does not stop it: its deliveries are retried like in
/// any outage, and the others go on.</summary>
internal sealed partial class OutboxWorker(
    OutboxDispatcher dispatcher,
    OutboxSignal signal,
    BridgeHealth health,
    TimeProvider time,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BusyWait = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a stopping bridge lets the sends in flight finish and be recorded (well inside the host's
    /// shutdown timeout). A send cancelled after the other side accepted it would go out again after the restart.</summary>
    internal static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var inFlight = new CancellationTokenSource();
        await using var graceOnStop = stoppingToken.Register(() => inFlight.CancelAfter(StopGrace));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (health.Paused || health.StaffChat.LastSuccess is null)
                {
                    await signal.WaitAsync(IdleWait, stoppingToken);
                    continue;
                }

                if (await dispatcher.DispatchOnceAsync(stoppingToken, inFlight.Token) > 0)
                {
                    continue;
                }

                // Nothing could go now: sleep until the next item is due (or something new arrives).
                var next = await dispatcher.NextDueAsync(stoppingToken);
                var wait = next is { } due ? due - time.GetUtcNow() : IdleWait;
                await signal.WaitAsync(wait < BusyWait ? BusyWait : wait > IdleWait ? IdleWait : wait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || inFlight.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(e);
                try
                {
                    await Task.Delay(IdleWait, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch failed; retrying")]
    private partial void LogFailed(Exception error);
}
