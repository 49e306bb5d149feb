using Bot.Core.Retention;
using Bot.Core.Storage;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Translation.Caching;

/// <summary>Successful translations in SQLite (table translation_cache, migrations 0002 and 0004). A hit is a read:
/// the entry's last use is written at most once per <see cref="UseResolution"/>, so that retention can drop entries
/// unused for long without every hit taking the database's write lock.</summary>
public sealed partial class TranslationCache(IDbConnectionFactory connections, TimeProvider time, ILogger<TranslationCache> logger) : IRetentionTarget
{
    /// <summary>How stale an entry's recorded last use may be before a hit records it again.</summary>
    public static readonly TimeSpan UseResolution = TimeSpan.FromDays(1);

    private const string FindSql = """
        SELECT translation, last_hit_at AS LastHitAt FROM translation_cache
        WHERE provider = @Provider AND source_language = @SourceLanguage
          AND target_language = @TargetLanguage AND text_hash = @TextHash
        """;

    private const string TouchSql = """
        UPDATE translation_cache
        SET hits = hits + 1, last_hit_at = @at
        WHERE provider = @Provider AND source_language = @SourceLanguage
          AND target_language = @TargetLanguage AND text_hash = @TextHash
        """;

    private const string StoreSql = """
        INSERT INTO translation_cache (provider, source_language, target_language, text_hash, translation, created_at, last_hit_at)
        VALUES (@Provider, @SourceLanguage, @TargetLanguage, @TextHash, @translation, @at, @at)
        ON CONFLICT (provider, source_language, target_language, text_hash)
        DO UPDATE SET translation = excluded.translation, created_at = excluded.created_at, last_hit_at = excluded.last_hit_at
        """;

    private const string PruneSql = """
        DELETE FROM translation_cache
        WHERE (provider, source_language, target_language, text_hash) IN (
            SELECT provider, source_language, target_language, text_hash FROM translation_cache
            WHERE last_hit_at < @before OR (last_hit_at IS NULL AND created_at < @before)
            LIMIT @limit)
        """;

    public async Task<string?> FindAsync(TranslationCacheKey key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var found = await connection.QueryFirstOrDefaultAsync<(string? Translation, string? LastHitAt)>(new CommandDefinition(
            FindSql, new { key.Provider, key.SourceLanguage, key.TargetLanguage, key.TextHash }, cancellationToken: cancellationToken));
        if (found.Translation is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (found.LastHitAt is null || now - SqliteTypeHandlers.Parse(found.LastHitAt) >= UseResolution)
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    TouchSql, new { key.Provider, key.SourceLanguage, key.TargetLanguage, key.TextHash, at = now }, cancellationToken: cancellationToken));
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                // The hit still counts; the entry only looks older to retention until a later hit records it.
                LogTouchFailed(e);
            }
        }

        return found.Translation;
    }

    public async Task StoreAsync(TranslationCacheKey key, string translation, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            StoreSql,
            new { key.Provider, key.SourceLanguage, key.TargetLanguage, key.TextHash, translation, at = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    public string What => "unused cached translations";

    public TimeSpan KeepFor(RetentionOptions options) => options.TranslationCache;

    /// <summary>Deletes up to <paramref name="limit"/> entries last used before <paramref name="before"/>.</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(PruneSql, new { before, limit }, cancellationToken: cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Translation cache: the use of an entry could not be recorded")]
    private partial void LogTouchFailed(Exception exception);
}
