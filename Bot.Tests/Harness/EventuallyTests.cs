using Bot.Testing;

namespace Bot.Tests.Harness;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class EventuallyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TrueAsync_TimesOut_WhenConditionNeverHolds_NamingTheCondition()
    {
        var never = false;

        var error = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.TrueAsync(() => never, TimeSpan.FromMilliseconds(50)));

        Assert.Contains("() => never", error.Message, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => true, Patience);
    }

    [Fact]
    public async Task ValueAsync_ReturnsWhatTheProbeFound_OnceItFindsIt()
    {
        var probes = 0;

        var found = await Eventually.ValueAsync(() => ++probes >= 3 ? "third" : null, Patience);

        Assert.Equal(("third", 3), (found, probes));
    }

    [Fact]
    public async Task ProgressingAsync_WaitsPastTheStall_WhileProgressGoesOn_AndTimesOut_WhenItStops()
    {
        // A step every 100 ms, 20 steps: twice the 1 s stall in all, never a second without one.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.ProgressingAsync(() => (int)(clock.ElapsedMilliseconds / 100), 20, TimeSpan.FromSeconds(1));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"{clock.Elapsed}");

        var stuckAt = 0;
        var error = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.ProgressingAsync(() => stuckAt, 3, TimeSpan.FromMilliseconds(50)));
        Assert.Contains("() => stuckAt past 0 (of 3)", error.Message, StringComparison.Ordinal);
    }
}
