using Bot.Testing;
using Bot.Testing.BotApi;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

using Bot.Tests.Harness;

namespace Bot.Tests.FakeBotApi;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class FakeTelegramFailureTests
{
    private const long Customer = FakeTelegramSession.Customer;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task FailNext_502_FailsThatManyCalls_WithoutEffect()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.FailNext("sendMessage", 2, 502, "Bad Gateway");

        var first = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(Customer, "a"));
        var second = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(Customer, "b"));
        var third = await session.Bot.SendMessage(Customer, "c");

        Assert.Equal((502, "Bad Gateway"), (first.ErrorCode, first.Message));
        Assert.Equal(502, second.ErrorCode);
        Assert.Equal(1, third.Id);
        Assert.Equal(["c"], session.Server.SentTo(Customer).Select(m => m.Text));
    }

    [Fact]
    public async Task FailNextHttp_HtmlGatewayPage_IsARequestException_NotAnApiError()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.FailNextHttp("sendMessage", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>");

        var error = await Assert.ThrowsAsync<RequestException>(() => session.Bot.SendMessage(Customer, "a"));

        Assert.IsNotType<ApiRequestException>(error);
        Assert.Equal(System.Net.HttpStatusCode.BadGateway, error.HttpStatusCode);
        Assert.Empty(session.Server.SentTo(Customer));
    }

    [Fact]
    public async Task FailNext_WithRetryAfter_IsVisibleAsParameters()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.FailNext("sendMessage", 1, 429, "Too Many Requests: retry after 7", retryAfter: 7);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(Customer, "a"));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(7, error.Parameters!.RetryAfter);
    }

    [Fact]
    public async Task FailNext_ThreadNotFound_CanBeInjected()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.FailNext("sendPhoto", 1, 400, "Bad Request: message thread not found");
        await using var stream = new MemoryStream([1]);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendPhoto(Customer, InputFile.FromStream(stream, "a.jpg")));

        Assert.Equal("Bad Request: message thread not found", error.Message);
    }

    [Fact]
    public async Task FailNextNetwork_AbortsTheConnection_WithoutEffect()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.FailNextNetwork("sendMessage");

        var error = await Assert.ThrowsAsync<RequestException>(() => session.Bot.SendMessage(Customer, "lost"));

        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Empty(session.Server.SentTo(Customer));
        Assert.Contains(session.Server.Requests, c => c is { Method: "sendMessage", StatusCode: 0 });
    }

    [Fact]
    public async Task DelayNext_LongerThanClientTimeout_ClientTimesOut_ButMessageIsStillDelivered()
    {
        await using var session = await FakeTelegramSession.StartAsync(httpTimeout: TimeSpan.FromMilliseconds(200));
        session.Server.DelayNext("sendMessage", TimeSpan.FromMilliseconds(600));

        var error = await Assert.ThrowsAsync<RequestException>(() => session.Bot.SendMessage(Customer, "slow"));
        var delivered = await Eventually.ValueAsync(() => session.Server.SentTo(Customer) is [var first, ..] ? first : null, Patience);

        Assert.IsType<TaskCanceledException>(error.InnerException);
        Assert.Equal("slow", delivered.Text);
    }
}
