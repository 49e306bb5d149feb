namespace Bot.Core.Translation.Caching;

/// <summary>Where successful translations are kept, by provider, languages and a hash of the text.</summary>
public interface ITranslationCacheRepository
{
    /// <summary>The cached translation and when a hit last recorded its use; both null when there is none.</summary>
    Task<(string? Translation, DateTimeOffset? LastHitAt)> FindAsync(TranslationCacheKey key, CancellationToken cancellationToken);

    /// <summary>Counts a hit and records <paramref name="at"/> as the entry's last use.</summary>
    Task TouchAsync(TranslationCacheKey key, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) a translation, used now.</summary>
    Task StoreAsync(TranslationCacheKey key, string translation, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="limit"/> entries last used before <paramref name="before"/>.</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);
}
