using Bot.Core.Leases;
using Bot.Core.OrderCards;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace;

/// <summary>Looks every few seconds (a quarter of the refresh interval, at most 5 s) for order cards of conversations
/// that were active since their last refresh and are due. The look is a database query: a marketplace order read
/// happens only for a conversation with new messages, at most once per <see cref="OrderCardOptions.OrderRefreshInterval"/>.</summary>
internal sealed partial class OrderCardWorker(
    OrderCardRefresher refresher,
    LeasedWork leased,
    TimeProvider time,
    IOptions<OrderCardOptions> options,
    ILogger<OrderCardWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxTick = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MinTick = TimeSpan.FromMilliseconds(100);

    // With several instances on one database, one of them runs this (LeaseNames.OrderCards).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leased.RunAsync(LeaseNames.OrderCards, RunAsync, static () => { }, stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var tick = TimeSpan.FromTicks(Math.Clamp(options.Value.OrderRefreshInterval.Ticks / 4, MinTick.Ticks, MaxTick.Ticks));
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(tick, time, stoppingToken);
                await refresher.RefreshDueAsync(stoppingToken);
                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (!failing)
                {
                    LogFailed(e);
                }

                failing = true;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Order cards: the refresh failed; trying again (logged once until it works)")]
    private partial void LogFailed(Exception error);
}
