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
