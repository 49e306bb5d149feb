using Bot.Core.Chat;
using Bot.Core.Outbox;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Outbox;

/// <summary>What one dispatch round may start, before any of it is sent.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class RoundBudgetTests
{
    private const long FirstGroup = -1001000000001;
    private const long SecondGroup = -1001000000002;

    [Fact]
    public void TwoGroups_ShareTheOverallBudget_SoTheirRoomsNeverAddUpPastIt()
    {
        var limiter = new ChatRateLimiter(Options.Create(new ChatRateOptions()), new FakeTimeProvider());
        var budget = new RoundBudget(limiter);

        var first = Enumerable.Range(0, 20).Count(_ => budget.TryTake(FirstGroup, 1));
        var second = Enumerable.Range(0, 20).Count(_ => budget.TryTake(SecondGroup, 1));

        // Each group's minute holds 20, but one second holds 30 across every chat: nothing may be started that would
        // then wait inside the limiter holding a delivery slot.
        Assert.Equal(20, first);
        Assert.Equal(10, second);
    }

    [Fact]
    public async Task SendsAlreadyMadeThisSecond_CountAgainstTheOverallBudget()
    {
        var time = new FakeTimeProvider();
        var limiter = new ChatRateLimiter(Options.Create(new ChatRateOptions()), time);
        for (var i = 0; i < 25; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.DelayFor(100 + i));
            await limiter.AcquireAsync(100 + i, CancellationToken.None);
        }

        Assert.Equal(5, Started(new RoundBudget(limiter)));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(20, Started(new RoundBudget(limiter)));
    }

    private static int Started(RoundBudget budget) => Enumerable.Range(0, 20).Count(_ => budget.TryTake(FirstGroup, 1));
}
