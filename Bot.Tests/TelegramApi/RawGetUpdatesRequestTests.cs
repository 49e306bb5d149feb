using System.Text.Json;
using Bot.Testing.BotApi;
using Bot.TelegramApi;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

using Bot.Tests.Harness;

namespace Bot.Tests.TelegramApi;

/// <summary>getUpdates fetched raw keeps the library's request semantics: offset, limit, timeout and allowed_updates
/// are sent, errors are ApiRequestException with error_code and retry_after (a 401 stays a 401), the token stays out.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class RawGetUpdatesRequestTests
{
    private static readonly UpdateType[] Wanted = [UpdateType.Message];

    [Fact]
    public async Task RawGetUpdates_ConfirmsByOffset_AndReturnsEachUpdateAsJson()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.EnqueueMessage(FakeTelegramSession.Customer, FakeTelegramSession.Customer, "Ann", "one");
        session.Server.EnqueueMessage(FakeTelegramSession.Customer, FakeTelegramSession.Customer, "Ann", "two");
        var all = await session.Bot.SendRequest(new RawGetUpdatesRequest(null, 100, 0, Wanted));
        var firstId = RawUpdate.Split(all).First().Id!.Value;

        var rest = RawUpdate.Split(await session.Bot.SendRequest(new RawGetUpdatesRequest(firstId + 1, 100, 0, Wanted))).ToList();

        Assert.Equal(JsonValueKind.Array, all.ValueKind);
        var only = Assert.Single(rest);
        Assert.Equal((firstId + 1, "two"), (only.Id, only.Update?.Message?.Text));
    }

    [Fact]
    public async Task RawGetUpdates_RateLimited_IsAnApiErrorWithRetryAfter()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.FailNext("getUpdates", 1, 429, "Too Many Requests: retry after 7", retryAfter: 7);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendRequest(new RawGetUpdatesRequest(null, 100, 0, Wanted)));

        Assert.Equal((429, 7), (error.ErrorCode, error.Parameters?.RetryAfter));
    }

    [Fact]
    public async Task RawGetUpdates_Unauthorized_IsReportedAs401_WithoutTheToken()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        session.Server.FailNext("getUpdates", 1, 401, "Unauthorized");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendRequest(new RawGetUpdatesRequest(5, 100, 0, Wanted)));

        Assert.Equal((401, "Unauthorized"), (error.ErrorCode, error.Message));
        Assert.DoesNotContain(session.Server.Token, error.ToString(), StringComparison.Ordinal);
    }
}
