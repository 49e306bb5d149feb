using Bot.Testing.BotApi;
using Telegram.Bot;

namespace Bot.Tests.Harness;

/// <summary>The real Telegram.Bot client pointed at a fake server, with the library's own 429 retries turned off.</summary>
internal static class FakeTelegramTestClient
{
    public static TelegramBotClient Create(FakeTelegramServer server, HttpClient http) =>
        new(new TelegramBotClientOptions(server.Token, server.BaseUrl) { RetryCount = 0 }, http);
}
