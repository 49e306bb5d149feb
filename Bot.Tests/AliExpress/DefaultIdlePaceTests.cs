using Bot.Marketplace;

namespace Bot.Tests.AliExpress;

/// <summary>Without an IdlePollInterval, idle polls slow down to eight poll intervals, but never past two minutes (or
/// the poll interval itself when that is longer): a longer PollInterval must not push idle polls past /readyz's limit.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class DefaultIdlePaceTests
{
    [Theory]
    [InlineData(15, 120)]
    [InlineData(10, 80)]
    [InlineData(60, 120)]
    [InlineData(360, 360)]
    public void DefaultIdlePace_IsEightPolls_AtMostTwoMinutesOrThePollInterval(int pollSeconds, int idleSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(idleSeconds), MarketplaceOptions.DefaultIdlePace(TimeSpan.FromSeconds(pollSeconds)));
    }
}
