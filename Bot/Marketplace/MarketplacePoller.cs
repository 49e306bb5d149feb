using Bot.Core.Formatting;
using Bot.Core.Leases;
using Bot.Core.Logging;
using Bot.Core.Marketplace;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Operations;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace;

/// <summary>Polls the marketplace: a thin loop around <see cref="MarketplaceIngestor"/>, paced by <see cref="PollPace"/>
/// (quick while conversations are active, slower when idle), with back-off.
/// Authorization errors stop polling (retrying cannot fix them) until the wait passes or an operator resumes.
/// With several instances on one database, only the holder of the <see cref="LeaseNames.MarketplacePoll"/> lease polls.</summary>
internal sealed partial class MarketplacePoller(
    MarketplaceIngestor ingestor,
    BridgeHealth health,
    PollerWakeUp wakeUp,
    PollPace pace,
    CallBudgetWatch budget,
    LeasedWork leased,
    MemoryTrim memory,
    TimeProvider time,
    IOptions<MarketplaceOptions> options,
    ILogger<MarketplacePoller> logger) : BackgroundService
{
    private readonly FailureSeries series = new(time);

    // While another live instance polls, this one counts the marketplace as polled (for /readyz and the alerts).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leased.RunAsync(LeaseNames.MarketplacePoll, PollAsync, health.MarketplaceSucceeded, stoppingToken);

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var burst = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.PollInterval;
            if (!health.Paused)
            {
                try
                {
                    var poll = await ingestor.PollAsync(stoppingToken);
                    health.MarketplaceSucceeded();
                    failures = 0;
                    if (series.Succeeded() is { } ended)
                    {
                        LogRecovered(ended.Count, new ReadableDuration(ended.Span));
                    }

                    wait = pace.After(poll);
                    if (poll.Messages > 0 || poll.HasMore)
                    {
                        burst += poll.Messages;
                    }
                    else if (burst > 0)
                    {
                        memory.AfterBurst(burst);
                        burst = 0;
                    }
                    else
                    {
                        memory.AfterIdlePoll();
                    }

                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (MarketplaceException e) when (e.Kind == MarketplaceErrorKind.Authorization)
                {
                    health.MarketplaceFailed(e.Message, needsOperator: true);
                    LogAuthorization(e.Message, e.Code, e.RequestId);
                    wait = options.Value.AuthorizationRetry;
                }
                catch (Exception e)
                {
                    failures++;
                    health.MarketplaceFailed(e.Message, needsOperator: false);
                    wait = TimeSpan.FromSeconds(Math.Min(options.Value.MaxBackoff.TotalSeconds, options.Value.PollInterval.TotalSeconds * Math.Pow(2, Math.Min(failures, 10))));
                    LogFailure(e, wait);
                }
            }

            budget.Check();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await wakeUp.WaitAsync(wait, time, stoppingToken);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && stoppingToken.IsCancellationRequested)
                {
                    // Stopping (a host that failed to start may dispose the wake-up signal first).
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Marketplace refused the account ({Code}, request {RequestId}): {PlatformMessage}. Polling stops until an operator fixes it and sends /resume")]
    private partial void LogAuthorization(string platformMessage, string? code, string? requestId);

    /// <summary>One line for the first failure, then one summary a minute; every failure, with its stack, at Debug.</summary>
    private void LogFailure(Exception error, TimeSpan wait)
    {
        LogFailed(error, wait);
        var tally = series.Failed();
        switch (tally.Line)
        {
            case FailureLine.First:
                LogFirstFailure(FailureCause.Of(error), new ReadableDuration(wait));
                break;
            case FailureLine.Summary:
                LogStillFailing(FailureCause.Of(error), tally.Count, new ReadableDuration(tally.Span), new ReadableDuration(wait));
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Marketplace poll failed; next try in {Wait}")]
    private partial void LogFailed(Exception error, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marketplace poll failed ({Cause}); next try in {Wait}")]
    private partial void LogFirstFailure(string cause, ReadableDuration wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marketplace polls still failing ({Cause}): {Failures} more failures in the last {Span}; next try in {Wait}")]
    private partial void LogStillFailing(string cause, int failures, ReadableDuration span, ReadableDuration wait);

    [LoggerMessage(Level = LogLevel.Information, Message = "Marketplace polls work again after {Failures} failures in {Span}")]
    private partial void LogRecovered(int failures, ReadableDuration span);
}
