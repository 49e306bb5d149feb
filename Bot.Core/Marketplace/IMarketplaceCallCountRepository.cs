using Bot.Core.Storage;

namespace Bot.Core.Marketplace;

/// <summary>The gateway calls an adapter counted on a UTC day, as last saved, so the count goes on after a restart.</summary>
public interface IMarketplaceCallCountRepository
{
    /// <summary>The calls saved for the provider on the day; 0 when none were.</summary>
    Task<long> GetAsync(DbSession session, string provider, DateOnly day);

    /// <summary>Saves the day's count, and forgets the provider's other days.</summary>
    Task SaveAsync(DbSession session, string provider, DateOnly day, long calls, DateTimeOffset now);
}
