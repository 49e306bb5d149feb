namespace Bot.Core.Marketplace;

/// <summary>Where the seller's tokens are kept (one authorization per marketplace). Never logged, never shown.</summary>
public interface IMarketplaceAuthorizationRepository
{
    /// <summary>The stored authorization of <paramref name="marketplace"/>, or null when there is none yet.</summary>
    Task<MarketplaceAuthorization?> GetAsync(string marketplace, CancellationToken cancellationToken);

    /// <summary>Replaces the stored authorization of <paramref name="marketplace"/>.</summary>
    Task SaveAsync(string marketplace, MarketplaceAuthorization authorization, CancellationToken cancellationToken);
}
