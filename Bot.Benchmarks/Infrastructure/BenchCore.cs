using System.Globalization;
using Bot.Core;
using Bot.Core.Chat;
using Bot.Core.Marketplace;
using Bot.Core.Sqlite;
using Bot.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Benchmarks.Infrastructure;

/// <summary>The relay core composed the way the host composes it (<c>AddStorage</c>, <c>AddRelay</c>, the raw
/// gateway behind <see cref="ThrottledChatGateway"/>) on a SQLite file, with the ports the benchmark provides.</summary>
public sealed class BenchCore : IAsyncDisposable
{
    public const long StaffChatId = -1001000000001;

    private readonly ServiceProvider services;
    private readonly string? ownedDirectory;

    private BenchCore(ServiceProvider services, string databasePath, string? ownedDirectory)
    {
        this.services = services;
        this.ownedDirectory = ownedDirectory;
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <param name="unlimited">Lifts Telegram's budgets in the core's limiter (the limiter still runs).</param>
    /// <param name="databasePath">An existing database to use (kept on dispose); null for a fresh temporary one.</param>
    /// <param name="configure">Registrations made before <c>AddRelay</c>, which only adds what is still missing.</param>
    public static async Task<BenchCore> StartAsync(
        IChatGateway rawGateway,
        IMarketplaceClient marketplace,
        TimeProvider time,
        bool unlimited,
        string? databasePath = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        string? owned = null;
        if (databasePath is null)
        {
            owned = Directory.CreateTempSubdirectory("bridge-bench-").FullName;
            databasePath = Path.Combine(owned, "bridge.db");
        }

        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Bridge"] = $"Data Source={databasePath}",
            ["Telegram:StaffChatId"] = StaffChatId.ToString(CultureInfo.InvariantCulture),
        };
        if (unlimited)
        {
            values["Telegram:Limits:PrivatePerSecond"] = "100000000";
            values["Telegram:Limits:GroupPerMinute"] = "100000000";
            values["Telegram:Limits:GlobalPerSecond"] = "100000000";
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(time);
        services.AddStorage().AddSqliteStorage();
        configure?.Invoke(services);
        services.AddBridgeCore();
        services.AddSingleton<IChatGateway>(sp => new ThrottledChatGateway(rawGateway, sp.GetRequiredService<ChatRateLimiter>()));
        services.AddSingleton(marketplace);
        services.AddSingleton<IMediaFetcher, NoMediaFetcher>();
        var provider = services.BuildServiceProvider();
        var core = new BenchCore(provider, databasePath, owned);
        await core.Get<IMigrationRunner>().ApplyAsync(CancellationToken.None);
        return core;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (ownedDirectory is not null)
        {
            try
            {
                Directory.Delete(ownedDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean up with the rest of the temp folder.
            }
        }
    }
}
