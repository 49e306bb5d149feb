using Microsoft.Extensions.Logging;

namespace Bot.Core.Leases;

/// <summary>What <see cref="InstanceLeases"/> logs: a lease taken, lost and not released.</summary>
public sealed partial class InstanceLeases
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} took the lease {Lease}")]
    private partial void LogTaken(string lease, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} lost the lease {Lease}: the database did not renew it; its work stops here")]
    private partial void LogLost(Exception error, string lease, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} lost the lease {Lease} to another instance; its work stops here")]
    private partial void LogTakenOver(string lease, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease {Lease} could not be released; it lapses by itself")]
    private partial void LogReleaseFailed(Exception error, string lease);
}
