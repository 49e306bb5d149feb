using Bot.Core.Chat;
using Bot.Core.Marketplace;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Outbox;
using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.TelegramApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Telegram.Bot;

namespace Bot.Tests.Harness;

/// <summary>The relay core sending through the real Telegram adapter to the fake Bot API over HTTP, Telegram's limits
/// on (20 a minute per group), with one fake clock for both: the budget's effects without waiting a real minute.</summary>
public sealed class TelegramBudgetRig : IAsyncDisposable
{
    public const long StaffChatId = -1001000000001;

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private CoreServices core = null!;

    private TelegramBudgetRig(FakeTelegramServer telegram, FakeTimeProvider time)
    {
        Telegram = telegram;
        Time = time;
    }

    /// <summary>The one clock of the core and the fake.</summary>
    public FakeTimeProvider Time { get; }

    public FakeTelegramServer Telegram { get; }

    public InMemoryMarketplace Marketplace { get; } = new();

    public T Get<T>()
        where T : notnull => core.Get<T>();

    public static async Task<TelegramBudgetRig> StartAsync(IDictionary<string, string?>? settings = null, Action<FakeTelegramServer>? arrange = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { TimeProvider = time });
        telegram.AddSupergroup(StaffChatId, "Store staff");
        arrange?.Invoke(telegram);
        var rig = new TelegramBudgetRig(telegram, time);
        var identity = new Mock<IBotIdentity>();
        identity.Setup(i => i.GetUsernameAsync(It.IsAny<CancellationToken>())).ReturnsAsync("fake_bridge_bot");
        var bot = new TelegramBotClient(new TelegramBotClientOptions(telegram.Token, telegram.BaseUrl) { RetryCount = 0 }, rig.http);
        rig.core = await CoreServices.StartAsync(new CoreSetup
        {
            ChatGateway = new TelegramChatGateway(bot),
            Marketplace = rig.Marketplace,
            Time = time,
            StaffChatId = StaffChatId,
            Settings = settings,
            AfterCore = services =>
            {
                services.AddSingleton(identity.Object);
                services.AddSingleton(new Mock<IMediaFetcher>().Object);
            },
        });
        return rig;
    }

    /// <summary>Takes in everything the marketplace has.</summary>
    public async Task PollAsync()
    {
        while (await Get<MarketplaceIngestor>().PollOnceAsync(CancellationToken.None))
        {
        }
    }

    /// <summary>Runs dispatch rounds until nothing more can go now (the budget is spent or nothing is due).</summary>
    public async Task DispatchNowAsync()
    {
        while (await Get<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>Delivers everything, a second of the shared clock at a time while the budget refills.</summary>
    public async Task DrainAsync(int maxSeconds = 600)
    {
        for (var second = 0; second < maxSeconds; second++)
        {
            await DispatchNowAsync();
            if ((await Get<IOutboxRepository>().GetStatsAsync(CancellationToken.None)).Pending == 0)
            {
                return;
            }

            Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await core.DisposeAsync();
        http.Dispose();
        await Telegram.DisposeAsync();
    }
}
