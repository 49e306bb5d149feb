using Bot.Core.Storage;
using Bot.Core.Translation.Caching;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="ITranslationCacheRepository"/> (table translation_cache, migrations 0002 and 0004).</summary>
internal sealed class SqliteTranslationCacheRepository(IDbConnectionFactory connections) : ITranslationCacheRepository
{
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

    public async Task<(string? Translation, DateTimeOffset? LastHitAt)> FindAsync(TranslationCacheKey key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await Find.QueryAsync(
            connection, r => (Statement.StringOrNull(r, 0), Statement.TimeOrNull(r, 1)), cancellationToken, key.Provider, key.SourceLanguage, key.TargetLanguage, key.TextHash);
        return rows.Count > 0 ? rows[0] : (null, null);
    }

    // Writes take the writer's turn as every other write does, rather than meeting the writer's transaction in SQLite's
    // busy handler (which sleeps a millisecond and more a try) on a reader's connection. Translations are made outside
    // any transaction, so the turn is never asked for twice.
    public Task TouchAsync(TranslationCacheKey key, DateTimeOffset at, CancellationToken cancellationToken) =>
        Touch.ExecuteInTurnAsync(connections, cancellationToken, at, key.Provider, key.SourceLanguage, key.TargetLanguage, key.TextHash);

    public Task StoreAsync(TranslationCacheKey key, string translation, DateTimeOffset at, CancellationToken cancellationToken) =>
        Store.ExecuteInTurnAsync(connections, cancellationToken, key.Provider, key.SourceLanguage, key.TargetLanguage, key.TextHash, translation, at);

    // Looked up, touched and stored with every message translated: statements, not Dapper.
    private static readonly Statement Find = new(FindSql, "@Provider", "@SourceLanguage", "@TargetLanguage", "@TextHash");

    private static readonly Statement Touch = new(TouchSql, "@at", "@Provider", "@SourceLanguage", "@TargetLanguage", "@TextHash");

    private static readonly Statement Store = new(StoreSql, "@Provider", "@SourceLanguage", "@TargetLanguage", "@TextHash", "@translation", "@at");

    public Task<int> PruneAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        Prune.ExecuteInTurnAsync(connections, cancellationToken, before, limit);

    // Retention runs it an hour apart, idle or not: a statement, so that idling never loads Dapper.
    private static readonly Statement Prune = new(PruneSql, "@before", "@limit");
}
