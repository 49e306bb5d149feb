using Bot.Core.Marketplace;
using Bot.Core.Storage;

namespace Bot.Core.MarketplaceRelay;

/// <summary>Marketplace items set aside as malformed: stored with the batch that met them, listed for operators.</summary>
public interface ISetAsideRepository
{
    /// <returns>True when the item is new (first time set aside).</returns>
    Task<bool> AddAsync(DbSession session, string marketplace, string account, MarketplaceSetAside item);

    Task<long> CountAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<SetAsideItem>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="limit"/> set-aside items last seen before <paramref name="before"/>: the
    /// poller no longer meets them.</summary>
    Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);
}
