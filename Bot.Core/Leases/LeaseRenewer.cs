using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Core.Leases;

/// <summary>Renews this instance's leases every <see cref="LeaseOptions.RenewEvery"/>, counts the live instances
/// (<see cref="LiveInstances"/>) as often, and now and then deletes leases
/// that lapsed long ago; at stop it gives up the delivery claims. It is registered before the outbox's worker, so it
/// stops after it (once the deliveries in flight ended). Does nothing on SQLite, where no lease is stored (an idle
/// bridge writes nothing).</summary>
internal sealed class LeaseRenewer(InstanceLeases leases, LiveInstances live, ILeaseRepository store, IOptions<LeaseOptions> options, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (leases.Shared)
        {
            await leases.ReleaseClaimsAsync(cancellationToken);
            await leases.ReleaseAsync(LeaseNames.Instance(leases.InstanceId), cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!leases.Shared)
        {
            return;
        }

        var pruned = time.GetUtcNow();
        var instance = LeaseNames.Instance(leases.InstanceId);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // This instance's own lease says it is live (taken again after a failed renewal dropped it).
                if (!leases.Holds(instance))
                {
                    await leases.TakeAsync(instance, stoppingToken);
                }

                // The others' leases say how many share Telegram's overall budget (counted after this one's own is stored).
                await live.RefreshAsync(stoppingToken);

                await Task.Delay(options.Value.RenewEvery, time, stoppingToken);
                await leases.RenewAsync(stoppingToken);
                if (time.GetUtcNow() - pruned >= PruneEvery)
                {
                    pruned = time.GetUtcNow();
                    await store.PruneAsync(TimeSpan.FromHours(1), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // A failed renewal already gave up the lease it was for (and said so); pruning tries again later.
            }
        }
    }
}
