using System.Data.Common;
using Bot.Core.Retention;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Translation.Caching;

/// <summary>Successful translations, kept in the database. A hit is a read: the entry's last use is written at most once
/// per <see cref="UseResolution"/>, so that retention can drop entries unused for long without every hit taking the
/// database's write lock.</summary>
public sealed partial class TranslationCache(ITranslationCacheRepository entries, TimeProvider time, ILogger<TranslationCache> logger) : IRetentionTarget
{
    /// <summary>How stale an entry's recorded last use may be before a hit records it again.</summary>
    public static readonly TimeSpan UseResolution = TimeSpan.FromDays(1);

    public string What => "unused cached translations";

    public async Task<string?> FindAsync(TranslationCacheKey key, CancellationToken cancellationToken)
    {
        var found = await entries.FindAsync(key, cancellationToken);
        if (found.Translation is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (found.LastHitAt is not { } lastHit || now - lastHit >= UseResolution)
        {
            try
            {
                await entries.TouchAsync(key, now, cancellationToken);
            }
            catch (DbException e)
            {
                // The hit still counts; the entry only looks older to retention until a later hit records it.
                LogTouchFailed(e);
            }
        }

        return found.Translation;
    }

    public Task StoreAsync(TranslationCacheKey key, string translation, CancellationToken cancellationToken) =>
        entries.StoreAsync(key, translation, time.GetUtcNow(), cancellationToken);

    public TimeSpan KeepFor(RetentionOptions options) => options.TranslationCache;

    /// <summary>Deletes up to <paramref name="limit"/> entries last used before <paramref name="before"/>.</summary>
    /// <returns>How many were deleted.</returns>
    public Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        entries.PruneAsync(before, limit, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Translation cache: the use of an entry could not be recorded")]
    private partial void LogTouchFailed(Exception exception);
}
