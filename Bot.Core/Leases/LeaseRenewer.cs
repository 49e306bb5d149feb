using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Core.Leases;

/// <summary>Renews this instance's leases every <see cref="LeaseOptions.RenewEvery"/> and now and then deletes leases
/// that lapsed long ago. Does nothing on SQLite, where no lease is stored (an idle bridge writes nothing).</summary>
internal sealed class LeaseRenewer(InstanceLeases leases, ILeaseRepository store, IOptions<LeaseOptions> options, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!leases.Shared)
        {
            return;
        }

        var pruned = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.RenewEvery, time, stoppingToken);
                await leases.RenewAsync(stoppingToken);
                if (time.GetUtcNow() - pruned >= PruneEvery)
                {
                    pruned = time.GetUtcNow();
                    await store.PruneAsync(pruned - TimeSpan.FromHours(1), stoppingToken);
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
