using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Translation.Caching;

/// <summary>Successful translations in SQLite (table translation_cache, migration 0002).</summary>
public sealed class TranslationCache(IDbConnectionFactory connections, TimeProvider time)
{
    private const string FindSql = """
        UPDATE translation_cache
        SET hits = hits + 1, last_hit_at = @at
        WHERE provider = @Provider AND source_language = @SourceLanguage
          AND target_language = @TargetLanguage AND text_hash = @TextHash
        RETURNING translation
        """;

    private const string StoreSql = """
        INSERT INTO translation_cache (provider, source_language, target_language, text_hash, translation, created_at)
        VALUES (@Provider, @SourceLanguage, @TargetLanguage, @TextHash, @translation, @at)
        ON CONFLICT (provider, source_language, target_language, text_hash)
        DO UPDATE SET translation = excluded.translation, created_at = excluded.created_at
        """;

    public async Task<string?> FindAsync(TranslationCacheKey key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            FindSql,
            new { key.Provider, key.SourceLanguage, key.TargetLanguage, key.TextHash, at = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    public async Task StoreAsync(TranslationCacheKey key, string translation, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            StoreSql,
            new { key.Provider, key.SourceLanguage, key.TargetLanguage, key.TextHash, translation, at = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }
}
