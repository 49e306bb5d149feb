using Bot.Core;
using Bot.Core.Chat;
using Bot.Core.Marketplace;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Sqlite;
using Bot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Bot.Tests.Fakes;

/// <summary>The relay core wired as the host wires it, on a real SQLite file, with an in-memory chat gateway, an
/// in-memory marketplace and a fake clock.</summary>
public sealed class CoreHarness : IAsyncDisposable
{
    public const long StaffChatId = -1001234567890;

    private readonly string directory = Directory.CreateTempSubdirectory("bridge-core-").FullName;

    private CoreHarness(IDictionary<string, string?>? settings, Action<IServiceCollection>? configure)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Bridge"] = $"Data Source={Path.Combine(directory, "bridge.db")}",
                ["Telegram:StaffChatId"] = StaffChatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Buyers:InviteKey"] = "core-harness-invite-key-0123456789",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddStorage().AddSqliteStorage();
        services.AddBridgeCore();
        services.AddSingleton(Identity.Object);
        services.AddSingleton(Gateway);
        services.AddSingleton<IChatGateway>(sp => new ThrottledChatGateway(Gateway, sp.GetRequiredService<ChatRateLimiter>()));
        services.AddSingleton<IMarketplaceClient>(Marketplace);
        services.AddSingleton(Media.Object);
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public RecordingChatGateway Gateway { get; } = new();

    public InMemoryMarketplace Marketplace { get; } = new();

    public Mock<IMediaFetcher> Media { get; } = new();

    public Mock<IBotIdentity> Identity { get; } = new();

    public ServiceProvider Services { get; }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <param name="configure">Replaces or adds services after the defaults (e.g. a decorated database).</param>
    public static async Task<CoreHarness> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var harness = new CoreHarness(settings, configure);
        harness.Identity.Setup(i => i.GetUsernameAsync(It.IsAny<CancellationToken>())).ReturnsAsync("store_bridge_bot");
        await harness.Get<IMigrationRunner>().ApplyAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Polls the marketplace until it has nothing more, then delivers until nothing is due.</summary>
    public async Task RunAsync()
    {
        while (await Get<MarketplaceIngestor>().PollOnceAsync(CancellationToken.None))
        {
        }

        await DrainAsync();
    }

    /// <summary>Delivers everything due, moving the fake clock past rate-limit waits; stops when nothing is pending
    /// or only future retries remain.</summary>
    public async Task DrainAsync(int maxRounds = 1000)
    {
        var dispatcher = Get<Bot.Core.Outbox.OutboxDispatcher>();
        for (var round = 0; round < maxRounds; round++)
        {
            if (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
            {
                continue;
            }

            var stats = await Get<Bot.Core.Outbox.IOutboxRepository>().GetDueHeadsAsync(1, CancellationToken.None);
            if (stats.Count == 0)
            {
                return;
            }

            Time.Advance(TimeSpan.FromSeconds(1)); // Heads are due but rate-limited: let time pass.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection on another thread: the temp folder is cleaned by the OS.
        }
    }
}
