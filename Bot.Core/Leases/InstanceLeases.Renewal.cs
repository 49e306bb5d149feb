using Microsoft.Extensions.Logging;

namespace Bot.Core.Leases;

/// <summary>Renewing and releasing the leases <see cref="InstanceLeases"/> holds, and what it logs.</summary>
public sealed partial class InstanceLeases
{
    /// <summary>Renews the kept leases and the claims used lately; lets the idle claims lapse.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var lease in held.Values)
        {
            if (lease.Kept || now - lease.UsedAt < ClaimIdle)
            {
                await WriteAsync(lease.Name, lease.Kept, cancellationToken);
            }
            else
            {
                Drop(lease.Name);
            }
        }
    }

    /// <summary>Whether this instance holds the lease now (as far as it knows: it has not lost it).</summary>
    public bool Holds(string name) => held.TryGetValue(name, out var lease) && !lease.Lost.IsCancellationRequested;

    /// <summary>The live instances and who holds the pollers' and workers' leases; null on SQLite (one instance).</summary>
    public async Task<LeaseOverview?> OverviewAsync(CancellationToken cancellationToken)
    {
        if (!Shared)
        {
            return null;
        }

        var live = await store.ListLiveAsync(cancellationToken);
        var instances = live.Where(l => l.Name.StartsWith(LeaseNames.InstancePrefix, StringComparison.Ordinal)).Select(l => l.Holder).Order(StringComparer.Ordinal).ToList();
        var holders = live.Where(l => LeaseNames.Work.Contains(l.Name)).ToDictionary(l => l.Name, l => l.Holder, StringComparer.Ordinal);
        return new LeaseOverview(InstanceId, instances, holders);
    }

    /// <summary>Gives up every delivery claim (a stopping instance, once its deliveries in flight ended), so the chats
    /// pass on at once instead of when their claims lapse. The pollers' leases are released by their own loops.</summary>
    public async Task ReleaseClaimsAsync(CancellationToken cancellationToken)
    {
        foreach (var lease in held.Values.Where(l => !l.Kept))
        {
            await ReleaseAsync(lease.Name, cancellationToken);
        }
    }

    /// <summary>Gives the lease up (a stopping instance), so another one takes it at once.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        if (!Shared)
        {
            return;
        }

        Drop(name);
        try
        {
            await store.ReleaseAsync(name, InstanceId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReleaseFailed(e, name); // it lapses by itself
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} took the lease {Lease}")]
    private partial void LogTaken(string lease, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} lost the lease {Lease}: the database did not renew it; its work stops here")]
    private partial void LogLost(Exception error, string lease, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} lost the lease {Lease} to another instance; its work stops here")]
    private partial void LogTakenOver(string lease, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease {Lease} could not be released; it lapses by itself")]
    private partial void LogReleaseFailed(Exception error, string lease);
}
