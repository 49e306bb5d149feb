using Bot.Core.Leases;
using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;
using Microsoft.Extensions.Options;

namespace Bot.Operations;

/// <summary>Runs the alert rules, and follows retried dead letters, every <see cref="OperationsOptions.AlertCheckInterval"/>.
/// With several instances on one database, one of them does (<see cref="LeaseNames.Alerts"/>), so operators get each
/// alert once rather than once per instance.</summary>
internal sealed partial class AlertWorker(
    AlertMonitor monitor,
    RetryWatch retries,
    LeasedWork leased,
    TimeProvider time,
    IOptions<OperationsOptions> options,
    ILogger<AlertWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leased.RunAsync(LeaseNames.Alerts, RunAsync, static () => { }, stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
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
