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

    [Fact]
    public void OnceTheRoundsOverallBudgetIsTaken_NoOtherChatIsOpen_SoItIsNotClaimed()
    {
        var limiter = new ChatRateLimiter(Options.Create(new ChatRateOptions()), new FakeTimeProvider());
        var budget = new RoundBudget(limiter);
        var taken = Enumerable.Range(0, 40).Count(i => budget.IsOpen(700_000 + i) && budget.TryTake(700_000 + i, 1));

        // 30 a second overall: the 31st private chat is closed before it would be claimed, though its own second is empty.
        Assert.Equal(30, taken);
        Assert.False(budget.IsOpen(700_100));
        Assert.Equal(1, limiter.RoomFor(700_100));
    }

    [Fact]
    public void AChatIsOpen_OnlyForADeliveryThatFitsWhatIsLeft_AndOnceRefused_StaysClosedForTheRound()
    {
        var limiter = new ChatRateLimiter(Options.Create(new ChatRateOptions()), new FakeTimeProvider());
        var budget = new RoundBudget(limiter);
        Assert.Equal(28, Enumerable.Range(0, 28).Count(i => budget.TryTake(-1002000000000 - i, 1)));

        // A new topic needs three sends: the two left overall this round are not enough. The chat is done for the round
        // (a smaller delivery to it must not overtake the one that waits); another chat's single post still fits.
        Assert.False(budget.IsOpen(SecondGroup, sends: 3));
        Assert.False(budget.IsOpen(SecondGroup, sends: 1));
        Assert.True(budget.IsOpen(FirstGroup, sends: 1));
        Assert.True(budget.TryTake(FirstGroup, 1));
    }

    private static int Started(RoundBudget budget) => Enumerable.Range(0, 20).Count(_ => budget.TryTake(FirstGroup, 1));
}
