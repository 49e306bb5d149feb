namespace Bot.Core.Leases;

/// <summary>The bot registry of a store whose database is its own SQLite file: no other store can see it, so there is
/// nothing to share and every claim is granted. Nothing of PostgreSQL is loaded for it.</summary>
public sealed class UnsharedBotRegistry : IBotRegistry
{
    public Task<string?> ClaimAsync(long botId, string store, string instance, TimeSpan leaseTime, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
