using Bot.Core.Chat;
using Bot.Core.Feedback;
using Bot.Core.Leases;
using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Postgres;
using Bot.Tests.Storage;
using Bot.TelegramApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Telegram.Bot;

namespace Bot.Tests.Leases;

/// <summary>Two instances of one bot on one PostgreSQL database, sending through the real Telegram adapter to the fake
/// Bot API (which refuses past 30 messages a second overall for the bot, with 429): each keeps to half of
/// <c>Telegram__Limits__GlobalPerSecond</c> once it counted the other, so a burst across both gets no 429 and still
/// goes at nearly the whole budget. One fake clock for both instances and the fake.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class SharedTelegramBudgetTests : IPostgresVariant, IAsyncLifetime, IDisposable
{
    private const long Staff = -1001000000001;
    private const long FirstBuyer = 700_000;
    private const int Chats = 60;
    private const int PerChat = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<CoreServices> instances = [];
    private FakeTelegramServer telegram = null!;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { TimeProvider = time });
        telegram.AddSupergroup(Staff, "Store staff");
        for (var i = 0; i < Chats; i++)
        {
            telegram.AddPrivateChat(FirstBuyer + i, $"Buyer {i}");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in instances)
        {
            foreach (var renewer in instance.Get<IEnumerable<IHostedService>>().OfType<LeaseRenewer>())
            {
                await renewer.StopAsync(CancellationToken.None);
            }

            await instance.DisposeAsync();
        }

        await telegram.DisposeAsync();
    }

    public void Dispose() => http.Dispose();

    [DbFact]
    public async Task TheFakeBotApi_RefusesPast30MessagesASecondForTheBot_WithRetryAfter()
    {
        var bot = new TelegramBotClient(new TelegramBotClientOptions(telegram.Token, telegram.BaseUrl) { RetryCount = 0 }, http);
        for (var i = 0; i < 30; i++)
        {
            await bot.SendMessage(FirstBuyer + i, "within the second");
        }

        var refused = await Assert.ThrowsAsync<Telegram.Bot.Exceptions.ApiRequestException>(() => bot.SendMessage(FirstBuyer + 30, "one too many"));

        Assert.Equal(429, refused.ErrorCode);
        Assert.Equal(1, refused.Parameters?.RetryAfter);
        Assert.Equal(1, telegram.RateLimitedCount);
    }

    [DbFact]
    public async Task ABurstAcrossTwoInstances_WhoseChatsAreClaimedByBoth_GetsNo429_AndUsesNearlyTheWholeBudget()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        var (a, b) = (await StartInstanceAsync(database, "a"), await StartInstanceAsync(database, "b"));
        await BothCountedAsync(a, b);

        // Each instance delivered to half of the chats lately, so it holds their claims: both send in the burst.
        for (var i = 0; i < Chats; i++)
        {
            Assert.True(await (i % 2 == 0 ? a : b).Get<InstanceLeases>().TryHoldAsync(LeaseNames.Chat(FirstBuyer + i), CancellationToken.None));
        }

        var seconds = await BurstAsync(a, b);

        Assert.Equal(0, telegram.RateLimitedCount);
        Assert.All(Enumerable.Range(0, Chats), i => Assert.Equal(PerChat, telegram.SentTo(FirstBuyer + i).Count));
        // 180 messages at 30 a second overall: 6 seconds at the whole budget (each instance 15 a second).
        Assert.InRange(seconds, 6, 7);
    }

    [DbFact]
    public async Task ABurstNobodyClaimedYet_IsSharedBetweenTheInstances_AndUsesNearlyTheWholeBudget()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        var (a, b) = (await StartInstanceAsync(database, "a"), await StartInstanceAsync(database, "b"));
        await BothCountedAsync(a, b);

        var seconds = await BurstAsync(a, b);

        Assert.Equal(0, telegram.RateLimitedCount);
        Assert.All(Enumerable.Range(0, Chats), i => Assert.Equal(PerChat, telegram.SentTo(FirstBuyer + i).Count));
        // An instance claims only the chats it has room for now, so the other takes the rest.
        Assert.InRange(seconds, 6, 8);
    }

    /// <summary>Both instances counted each other: their renewals run on the fake clock, which moves on while waiting.</summary>
    private async Task BothCountedAsync(CoreServices a, CoreServices b) =>
        await Eventually.TrueAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return a.Get<LiveInstances>().Count == 2 && b.Get<LiveInstances>().Count == 2;
        }, Timeout);

    /// <summary>Queues <see cref="PerChat"/> notices to each buyer's private chat, then lets both instances dispatch
    /// second by second of the fake clock until everything went out.</summary>
    /// <returns>The seconds of the fake clock the burst took.</returns>
    private async Task<int> BurstAsync(CoreServices a, CoreServices b)
    {
        await using (var session = await DbSession.BeginAsync(a.Get<IDbConnectionFactory>(), CancellationToken.None))
        {
            for (var n = 0; n < PerChat; n++)
            {
                for (var i = 0; i < Chats; i++)
                {
                    await a.Get<Notices>().EnqueueAsync(session, new NoticePayload(FirstBuyer + i, null, $"notice {n} to {i}"));
                }
            }

            await session.CommitAsync(CancellationToken.None);
        }

        for (var second = 1; second <= 60; second++)
        {
            foreach (var instance in (CoreServices[])[a, b])
            {
                while (await instance.Get<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None) > 0)
                {
                }
            }

            if ((await a.Get<IOutboxRepository>().GetStatsAsync(CancellationToken.None)).Pending == 0)
            {
                return second;
            }

            time.Advance(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException("The burst was not delivered within 60 seconds of the fake clock.");
    }

    private async Task<CoreServices> StartInstanceAsync(string database, string id)
    {
        var identity = new Mock<IBotIdentity>();
        identity.Setup(i => i.GetUsernameAsync(It.IsAny<CancellationToken>())).ReturnsAsync("fake_bridge_bot");
        var bot = new TelegramBotClient(new TelegramBotClientOptions(telegram.Token, telegram.BaseUrl) { RetryCount = 0 }, http);
        var core = await CoreServices.StartAsync(new CoreSetup
        {
            ChatGateway = new TelegramChatGateway(bot),
            Marketplace = new InMemoryMarketplace(),
            Time = time,
            StaffChatId = Staff,
            Settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Bridge"] = database,
                ["Instances:Id"] = id,
                ["Instances:LeaseTime"] = "00:01:00", // the database's clock runs in real time: leases outlast a slow run
            },
            AfterCore = services =>
            {
                services.AddSingleton(identity.Object);
                services.AddSingleton(new Mock<IMediaFetcher>().Object);
            },
        });
        instances.Add(core);
        foreach (var renewer in core.Get<IEnumerable<IHostedService>>().OfType<LeaseRenewer>())
        {
            await renewer.StartAsync(CancellationToken.None); // as the host starts it: takes the instance's own lease
        }

        return core;
    }
}
