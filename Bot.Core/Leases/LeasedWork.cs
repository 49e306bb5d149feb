using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Leases;

/// <summary>Runs work that only one instance may do at a time (a poller) while this instance holds its lease: the
/// others wait and try again every <see cref="LeaseOptions.RenewEvery"/>. The work's token is cancelled the moment the
/// lease is lost, and the work starts again (reading its state from the database) once the lease is taken again.</summary>
public sealed partial class LeasedWork(InstanceLeases leases, IOptions<LeaseOptions> options, TimeProvider time, ILogger<LeasedWork> logger)
{
    /// <param name="work">The loop; it returns (or throws <see cref="OperationCanceledException"/>) once its token is cancelled.</param>
    /// <param name="anotherHolds">Called each time a try finds the lease held by another live instance (which does
    /// the work meanwhile), e.g. to count the part as healthy here.</param>
    public async Task RunAsync(string name, Func<CancellationToken, Task> work, Action anotherHolds, CancellationToken stoppingToken)
    {
        var waiting = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            LeaseAnswer answer;
            CancellationToken lost;
            try
            {
                (answer, lost) = await leases.TakeAsync(name, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (answer != LeaseAnswer.Held)
            {
                if (answer == LeaseAnswer.HeldByAnother)
                {
                    anotherHolds();
                    if (!waiting)
                    {
                        LogWaiting(name);
                        waiting = true;
                    }
                }

                if (!await WaitAsync(options.Value.RenewEvery, stoppingToken))
                {
                    return;
                }

                continue;
            }

            waiting = false;
            using (var both = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lost))
            {
                try
                {
                    await work(both.Token);
                }
                catch (OperationCanceledException) when (both.IsCancellationRequested)
                {
                }
            }

            if (stoppingToken.IsCancellationRequested)
            {
                await leases.ReleaseAsync(name, CancellationToken.None);
                return;
            }

            if (!lost.IsCancellationRequested)
            {
                // The work ended by itself (not expected of a loop): hand the lease on rather than hold it idle.
                await leases.ReleaseAsync(name, stoppingToken);
                if (!await WaitAsync(options.Value.RenewEvery, stoppingToken))
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> WaitAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance holds the lease {Lease}; this one waits to take over")]
    private partial void LogWaiting(string lease);
}
