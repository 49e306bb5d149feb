using Bot.Core.Leases;
using Bot.Core.Workflow;
using Microsoft.Extensions.Options;

namespace Bot.Workflow;

/// <summary>Looks at the buyers' waits every <see cref="WorkflowOptions.SweepInterval"/> (reminders, digest,
/// first-response times).</summary>
internal sealed partial class WorkflowWorker(
    WaitWatch watch,
    TopicTidier tidier,
    LeasedWork leased,
    TimeProvider time,
    IOptions<WorkflowOptions> options,
    ILogger<WorkflowWorker> logger) : BackgroundService
{
    // With several instances on one database, one of them runs this (LeaseNames.Workflow).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leased.RunAsync(LeaseNames.Workflow, RunAsync, static () => { }, stoppingToken);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken);
                await watch.SweepAsync(stoppingToken);
                await tidier.TidyAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow: looking at waits failed; trying again at the next interval")]
    private partial void LogFailed(Exception error);
}
