using Bot.Core.Leases;
using Bot.Core.Operations;
using Bot.TelegramApi;

namespace Bot.Stores;

/// <summary>A store's receiver in a process of several stores, in place of its own getUpdates loop: while the store
/// holds its <see cref="LeaseNames.TelegramUpdates"/> lease it is a member of its bot's one poll in the process
/// (<see cref="SharedBot"/>), which hands it the updates of its chats; meanwhile it tries its parked updates again
/// when they are due, as the one-store receiver does between polls.</summary>
internal sealed partial class SharedBotReceiver(
    SharedBot shared,
    SharedBotMember member,
    ParkedUpdateRetrier updates,
    BridgeHealth health,
    LeasedWork leased,
    ILogger<SharedBotReceiver> logger) : BackgroundService
{
    /// <summary>The longest wait between two looks at the parked updates.</summary>
    private const int MaxRetryWaitSeconds = 5;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leased.RunAsync(LeaseNames.TelegramUpdates, MemberAsync, health.TelegramSucceeded, stoppingToken);

    private async Task MemberAsync(CancellationToken stoppingToken)
    {
        shared.Join(member);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = MaxRetryWaitSeconds;
                try
                {
                    await updates.RetryDueAsync(stoppingToken);
                    wait = await updates.PollTimeoutAsync(MaxRetryWaitSeconds, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogRetryFailed(e);
                }

                await Task.Delay(TimeSpan.FromSeconds(wait), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        finally
        {
            await shared.LeaveAsync(member);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The parked updates could not be tried again; trying again shortly")]
    private partial void LogRetryFailed(Exception error);
}
