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
}
