using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;
using Microsoft.Extensions.Options;

namespace Bot.Operations;

/// <summary>Runs the alert rules, and follows retried dead letters, every <see cref="OperationsOptions.AlertCheckInterval"/>.</summary>
internal sealed partial class AlertWorker(
    AlertMonitor monitor,
    RetryWatch retries,
    TimeProvider time,
    IOptions<OperationsOptions> options,
    ILogger<AlertWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await monitor.CheckAsync(stoppingToken);
                await retries.CheckAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(e);
            }

            try
            {
                await Task.Delay(options.Value.AlertCheckInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert check failed; trying again at the next interval")]
    private partial void LogFailed(Exception error);
}
