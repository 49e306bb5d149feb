using Bot.Core.Chat;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.ChatPort;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class ChatRateLimiterTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private ChatRateLimiter Limiter() => new(Options.Create(new ChatRateOptions()), time);

    [Fact]
    public async Task Group_Takes20PerMinute_ThenWaitsForTheOldestToLeaveTheWindow()
    {
        var limiter = Limiter();
        for (var i = 0; i < 20; i++)
        {
            await limiter.AcquireAsync(-100, CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        // 20 sends at t=0..19 s: the 21st may go at t=60 s.
        Assert.Equal(TimeSpan.FromSeconds(40), limiter.DelayFor(-100));
        time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(TimeSpan.Zero, limiter.DelayFor(-100));
    }

    [Fact]
    public async Task PrivateChat_TakesOnePerSecond_AndChatsAreIndependent()
    {
        var limiter = Limiter();
        await limiter.AcquireAsync(7, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(1), limiter.DelayFor(7));
        Assert.Equal(TimeSpan.Zero, limiter.DelayFor(8));
    }

    [Fact]
    public async Task Global_Takes30PerSecond()
    {
        var limiter = Limiter();
        for (var chat = 1; chat <= 30; chat++)
        {
            await limiter.AcquireAsync(chat, CancellationToken.None);
        }

        Assert.Equal(TimeSpan.FromSeconds(1), limiter.DelayFor(31));
    }

    [Fact]
    public async Task RoomFor_CountsWhatTheBudgetsStillAllow()
    {
        var limiter = Limiter();
        for (var i = 0; i < 5; i++)
        {
            await limiter.AcquireAsync(-100, CancellationToken.None);
        }

        await limiter.AcquireAsync(7, CancellationToken.None);

        Assert.Equal(15, limiter.RoomFor(-100)); // 20 per minute to a group, 5 taken
        Assert.Equal(0, limiter.RoomFor(7)); // 1 per second to a private chat, taken
        Assert.Equal(1, limiter.RoomFor(8));
        limiter.Block(-100, TimeSpan.FromSeconds(5));
        Assert.Equal(0, limiter.RoomFor(-100));
    }

    [Fact]
    public void RetryAfter_BlocksTheChat()
    {
        var limiter = Limiter();

        limiter.Block(-100, TimeSpan.FromSeconds(9));

        Assert.Equal(TimeSpan.FromSeconds(9), limiter.DelayFor(-100));
        Assert.Equal(TimeSpan.Zero, limiter.DelayFor(-200));
    }

    [Fact]
    public async Task Acquire_WaitsUntilTheSlotOpens()
    {
        var limiter = Limiter();
        await limiter.AcquireAsync(7, CancellationToken.None);

        var waiting = limiter.AcquireAsync(7, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(waiting.IsCompletedSuccessfully);
    }
}
