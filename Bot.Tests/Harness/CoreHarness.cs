using Bot.Core.Chat;
using Bot.Core.Marketplace;
using Bot.Core.MarketplaceRelay;
using Bot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Bot.Tests.Harness;

/// <summary>The relay core wired as the host wires it (by <see cref="CoreServices"/>), on a real SQLite file, with
/// buyers in Telegram, an in-memory chat gateway, an in-memory marketplace and a fake clock.</summary>
public sealed class CoreHarness : IAsyncDisposable
{
    public const long StaffChatId = -1001234567890;

    private CoreServices core = null!;

    private CoreHarness()
    {
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public RecordingChatGateway Gateway { get; } = new();

    public InMemoryMarketplace Marketplace { get; } = new();

    public Mock<IMediaFetcher> Media { get; } = new();

    public Mock<IBotIdentity> Identity { get; } = new();

    public ServiceProvider Services => core.Services;

    /// <summary>Settings that keep a test on its SQLite file even under BRIDGE_TEST_DATABASE=postgres: for tests that
    /// open the file themselves or decorate SQLite's connections.</summary>
    public static Dictionary<string, string?> OnSqlite => new() { ["ConnectionStrings:Bridge"] = null };

    /// <summary>The SQLite file the core runs on (unused when the settings name a PostgreSQL database).</summary>
    public string DatabasePath => core.DatabasePath;

    public T Get<T>()
        where T : notnull => core.Get<T>();

    /// <param name="configure">Replaces or adds services after the defaults (e.g. a decorated database).</param>
    public static async Task<CoreHarness> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var harness = new CoreHarness();
        harness.Identity.Setup(i => i.GetUsernameAsync(It.IsAny<CancellationToken>())).ReturnsAsync("store_bridge_bot");
        var values = new Dictionary<string, string?> { ["Buyers:InviteKey"] = "core-harness-invite-key-0123456789" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        harness.core = await CoreServices.StartAsync(new CoreSetup
        {
            ChatGateway = harness.Gateway,
            Marketplace = harness.Marketplace,
            Time = harness.Time,
            StaffChatId = StaffChatId,
            Settings = values,
            AfterCore = services =>
            {
                services.AddSingleton(harness.Identity.Object);
                services.AddSingleton(harness.Gateway);
                services.AddSingleton(harness.Media.Object);
            },
            Configure = configure,
        });
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

    public ValueTask DisposeAsync() => core.DisposeAsync();
}
