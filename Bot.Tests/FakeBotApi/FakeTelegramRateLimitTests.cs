using Bot.Testing.BotApi;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

using Bot.Tests.Harness;

namespace Bot.Tests.FakeBotApi;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class FakeTelegramRateLimitTests
{
    private const long Customer = FakeTelegramSession.Customer;
    private const long Staff = FakeTelegramSession.StaffGroup;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task PrivateChat_SecondMessageWithinASecond_Is429_WithRetryAfter_AndNoEffect()
    {
        await using var session = await FakeTelegramSession.StartAsync(new FakeTelegramOptions { TimeProvider = _time });
        await session.Bot.SendMessage(Customer, "one");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(Customer, "two"));
        _time.Advance(TimeSpan.FromSeconds(1));
        await session.Bot.SendMessage(Customer, "three");

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal("Too Many Requests: retry after 1", error.Message);
        Assert.Equal(1, error.Parameters!.RetryAfter);
        Assert.Equal(["one", "three"], session.Server.SentTo(Customer).Select(m => m.Text));
        Assert.Equal(1, session.Server.RateLimitedCount);
    }

    [Fact]
    public async Task Supergroup_20PerMinute_SharedByAllTopics_CreateTopicCounts()
    {
        await using var session = await FakeTelegramSession.StartAsync(new FakeTelegramOptions { TimeProvider = _time });
        var a = await session.Bot.CreateForumTopic(Staff, "A");
        var b = await session.Bot.CreateForumTopic(Staff, "B");
        for (var i = 0; i < 18; i++)
        {
            await session.Bot.SendMessage(Staff, $"m{i}", messageThreadId: i % 2 == 0 ? a.MessageThreadId : b.MessageThreadId);
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var full = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(Staff, "x", messageThreadId: a.MessageThreadId));
        _time.Advance(TimeSpan.FromSeconds(30));
        var later = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(Staff, "x", messageThreadId: b.MessageThreadId));
        _time.Advance(later.Parameters!.RetryAfter!.Value * TimeSpan.FromSeconds(1));
        await session.Bot.SendMessage(Staff, "finally", messageThreadId: a.MessageThreadId);

        Assert.Equal(59, full.Parameters!.RetryAfter); // 60 s after the first call, 1.8 s ago
        Assert.Equal(29, later.Parameters.RetryAfter);
        Assert.Equal(19, session.Server.SentTo(Staff).Count);
        Assert.Equal(2, session.Server.RateLimitedCount);
    }

    [Fact]
    public async Task Overall_30PerSecond_AcrossChats()
    {
        await using var session = await FakeTelegramSession.StartAsync(new FakeTelegramOptions { TimeProvider = _time });
        for (var user = 1; user <= 31; user++)
        {
            session.Server.AddPrivateChat(user, $"U{user}");
        }

        for (var user = 1; user <= 30; user++)
        {
            await session.Bot.SendMessage(user, "hi");
        }

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => session.Bot.SendMessage(31, "hi"));

        Assert.Equal(1, error.Parameters!.RetryAfter);
        Assert.Empty(session.Server.SentTo(31));
    }

    [Fact]
    public async Task ConfigurableLimits_AndSwitchOff()
    {
        var strict = new FakeTelegramOptions { TimeProvider = _time, GroupChatLimit = new RateLimit(2, TimeSpan.FromSeconds(10)) };
        await using var limited = await FakeTelegramSession.StartAsync(strict);
        await using var unlimited = await FakeTelegramSession.StartAsync(new FakeTelegramOptions { TimeProvider = _time, RateLimitsEnabled = false });

        await limited.Bot.SendMessage(Staff, "1");
        await limited.Bot.SendMessage(Staff, "2");
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => limited.Bot.SendMessage(Staff, "3"));
        for (var i = 0; i < 25; i++)
        {
            await unlimited.Bot.SendMessage(Staff, $"{i}");
        }

        Assert.Equal(10, error.Parameters!.RetryAfter);
        Assert.Equal(25, unlimited.Server.SentTo(Staff).Count);
    }

    [Fact]
    public async Task LibraryDefaults_RetryA429ByThemselves()
    {
        await using var session = await FakeTelegramSession.StartAsync();
        var defaultClient = new TelegramBotClient(new TelegramBotClientOptions(session.Server.Token, session.Server.BaseUrl), session.Http);
        session.Server.FailNext("sendMessage", 1, 429, "Too Many Requests: retry after 1", retryAfter: 1);

        var sent = await defaultClient.SendMessage(Customer, "eventually");

        Assert.Equal("eventually", sent.Text);
        Assert.Equal(2, session.Server.CallCount("sendMessage"));
    }
}
