using Bot.Core.Retention;
using Microsoft.Extensions.Options;

namespace Bot.Storage;

/// <summary>Prunes the database every <see cref="RetentionOptions.Interval"/>, the first time a minute after start
/// (the migrations have run by then, and a crash loop does not prune on every start).</summary>
internal sealed partial class RetentionWorker(
    DatabasePruner pruner,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<RetentionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRun = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = FirstRun;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, time, stoppingToken);
                await pruner.PruneAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(e);
            }

            wait = options.Value.Interval;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention: pruning failed; trying again at the next interval")]
    private partial void LogFailed(Exception error);
}
