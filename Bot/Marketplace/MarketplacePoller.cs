using Bot.Core.Marketplace;
using Bot.Core.Operations;
using Bot.Core.Relay;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace;

/// <summary>Polls the marketplace: a thin loop around <see cref="MarketplaceIngestor"/> with back-off.
/// Authorization errors stop polling (retrying cannot fix them) until the wait passes or an operator resumes.</summary>
internal sealed partial class MarketplacePoller(
    MarketplaceIngestor ingestor,
    BridgeHealth health,
    PollerWakeUp wakeUp,
    TimeProvider time,
    IOptions<MarketplaceOptions> options,
    ILogger<MarketplacePoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.PollInterval;
            if (!health.Paused)
            {
                try
                {
                    var more = await ingestor.PollOnceAsync(stoppingToken);
                    health.MarketplaceSucceeded();
                    failures = 0;
                    wait = more ? TimeSpan.Zero : wait;
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
                    LogFailed(e, failures, wait);
                }
            }

            if (wait > TimeSpan.Zero)
            {
                await wakeUp.WaitAsync(wait, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Marketplace refused the account ({Code}, request {RequestId}): {PlatformMessage}. Polling stops until an operator fixes it and sends /resume")]
    private partial void LogAuthorization(string platformMessage, string? code, string? requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marketplace poll failed ({Failures} in a row); next try in {Wait}")]
    private partial void LogFailed(Exception error, int failures, TimeSpan wait);
}
