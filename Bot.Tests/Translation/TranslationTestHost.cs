using Bot.Core.Sqlite;
using Bot.Core.Storage;
using Bot.Core.Translation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Translation;

/// <summary>The translation services as the host wires them (AddTranslation), over a temp SQLite file with the
/// real migrations applied, and the shared detector.</summary>
public sealed class TranslationTestHost : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly string databasePath;

    private TranslationTestHost(ServiceProvider services, string databasePath)
    {
        this.services = services;
        this.databasePath = databasePath;
    }

    public ITranslationService Service => services.GetRequiredService<ITranslationService>();

    public TranslationMetrics Metrics => services.GetRequiredService<TranslationMetrics>();

    public IServiceProvider Services => services;

    public static async Task<TranslationTestHost> CreateAsync(DetectorFixture detector, IDictionary<string, string?> settings)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bot-translation-{Guid.NewGuid():N}.db");
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        collection.AddSingleton(Options.Create(new StorageOptions { ConnectionString = $"Data Source={path}" }));
        collection.AddSingleton<IDbConnectionFactory, SqliteConnectionFactory>();
        collection.AddSingleton<IMigrationRunner, SqliteMigrationRunner>();
        collection.AddSingleton<Bot.Core.Translation.Caching.ITranslationCacheRepository, SqliteTranslationCacheRepository>();
        collection.AddSingleton(detector.Detection);
        collection.AddTranslation();
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<IMigrationRunner>().ApplyAsync(CancellationToken.None);
        return new TranslationTestHost(provider, path);
    }

    public static Dictionary<string, string?> Settings(string provider, params (string Key, string? Value)[] values)
    {
        var settings = new Dictionary<string, string?> { ["Translation:Provider"] = provider, ["Translation:Timeout"] = "00:00:05" };
        foreach (var (key, value) in values)
        {
            settings["Translation:" + key] = value;
        }

        return settings;
    }

    public async Task<long> CacheRowsAsync()
    {
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM translation_cache");
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
