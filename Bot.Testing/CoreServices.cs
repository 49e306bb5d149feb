using System.Globalization;
using Bot.Core;
using Bot.Core.Chat;
using Bot.Core.Postgres;
using Bot.Core.Sqlite;
using Bot.Core.Storage;
using Bot.Testing.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Testing;

/// <summary>The relay core composed the way the host composes it (<c>AddStorage().AddSqliteStorage()</c>, <c>AddBridgeCore</c>, the raw chat
/// gateway behind <see cref="ThrottledChatGateway"/>) on a migrated SQLite file, with the ports a
/// <see cref="CoreSetup"/> provides: the one builder behind the tests' core harness and the benchmarks' core.</summary>
public sealed class CoreServices : IAsyncDisposable
{
    private readonly string? ownedDirectory;

    private CoreServices(ServiceProvider services, string databasePath, string? ownedDirectory)
    {
        Services = services;
        DatabasePath = databasePath;
        this.ownedDirectory = ownedDirectory;
    }

    public ServiceProvider Services { get; }

    public string DatabasePath { get; }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static async Task<CoreServices> StartAsync(CoreSetup setup)
    {
        var owned = setup.DatabasePath is null ? Directory.CreateTempSubdirectory("bridge-core-").FullName : null;
        var databasePath = setup.DatabasePath ?? Path.Combine(owned!, "bridge.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Bridge"] = $"Data Source={databasePath}",
                ["Telegram:StaffChatId"] = setup.StaffChatId.ToString(CultureInfo.InvariantCulture),
                ["Buyers:InviteKey"] = "test-core-invite-key-0123456789",
            })
            .AddInMemoryCollection(await PostgresUnderTestAsync(setup))
            .AddInMemoryCollection((setup.Settings ?? new Dictionary<string, string?>()).Where(s => s.Key != "ConnectionStrings:Bridge" || s.Value is not null))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(setup.Time);
        services.AddStorage().AddSqliteStorage().AddPostgresStorage();
        setup.BeforeCore?.Invoke(services);
        services.AddBridgeCore();
        setup.AfterCore?.Invoke(services);
        services.AddSingleton<IChatGateway>(sp => new ThrottledChatGateway(setup.ChatGateway, sp.GetRequiredService<ChatRateLimiter>()));
        services.AddSingleton(setup.Marketplace);
        setup.Configure?.Invoke(services);
        var core = new CoreServices(services.BuildServiceProvider(), databasePath, owned);
        await core.Get<IMigrationRunner>().ApplyAsync(CancellationToken.None);
        return core;
    }

    /// <summary>Under <c>BRIDGE_TEST_DATABASE=postgres</c>, a core whose setup names no database runs on a new
    /// database of the run's PostgreSQL server instead of a SQLite file (the repository-level tests on PostgreSQL). A
    /// setup that names the database as null keeps its SQLite file.</summary>
    private static async Task<Dictionary<string, string?>> PostgresUnderTestAsync(CoreSetup setup) =>
        PostgresServer.UnderTest && setup.Settings?.ContainsKey("ConnectionStrings:Bridge") != true
            ? new() { ["ConnectionStrings:Bridge"] = await PostgresServer.CreateDatabaseAsync() }
            : [];

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (ownedDirectory is not null)
        {
            try
            {
                Directory.Delete(ownedDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a pooled connection on another thread: the temp folder is cleaned by the OS.
            }
        }
    }
}
