using Bot.Testing.BotApi;
using Telegram.Bot;

namespace Bot.Tests.Harness;

/// <summary>A fake server with the real Telegram.Bot client pointed at it (library 429 retries off), plus test chats.</summary>
internal sealed class FakeTelegramSession : IAsyncDisposable
{
    public const long StaffGroup = -1001000000001;
    public const long Customer = 700001;

    private FakeTelegramSession(FakeTelegramServer server, HttpClient http)
    {
        Server = server;
        Http = http;
        Bot = new TelegramBotClient(new TelegramBotClientOptions(server.Token, server.BaseUrl) { RetryCount = 0 }, http);
    }

    public FakeTelegramServer Server { get; }

    public HttpClient Http { get; }

    public TelegramBotClient Bot { get; }

    public static async Task<FakeTelegramSession> StartAsync(FakeTelegramOptions? options = null, TimeSpan? httpTimeout = null)
    {
        var server = await FakeTelegramServer.StartAsync(options ?? new FakeTelegramOptions { RateLimitsEnabled = false });
        server.AddSupergroup(StaffGroup, "Staff");
        server.AddPrivateChat(Customer, "Ann", "de");
        var http = new HttpClient { Timeout = httpTimeout ?? TimeSpan.FromSeconds(30) };
        return new FakeTelegramSession(server, http);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
