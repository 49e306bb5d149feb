namespace Bot.Core.Leases;

/// <summary>Which store uses which bot, across a deployment whose stores share one database server: a bot's token
/// polled by two stores' processes would make their getUpdates calls end each other's (409 Conflict). A store holds
/// its bot for a lease time and renews it; the instances of one store share the hold.</summary>
public interface IBotRegistry
{
    /// <summary>Takes or renews <paramref name="store"/>'s hold of <paramref name="botId"/> for
    /// <paramref name="leaseTime"/>.</summary>
    /// <returns>Null when the store holds the bot now; otherwise the store that holds it.</returns>
    Task<string?> ClaimAsync(long botId, string store, string instance, TimeSpan leaseTime, CancellationToken cancellationToken);
}
