using Bot.Core.Marketplace;
using Bot.Marketplace.AliExpress;

namespace Bot.Tests.AliExpress;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressRefreshPlanTests
{
    private static readonly DateTimeOffset Issued = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(30, 24 * 24)] // a launched app: 80 % of 30 days comes before "a day ahead"
    [InlineData(2, 24)] // 80 % would be 38 h; a day ahead of the end is earlier
    [InlineData(1, 12)] // a test-status app: a day ahead would be at once; never before half the lifetime
    public void Due_IsTheEarlierOfTheShareAndTheMargin_ButNotBeforeHalfTheLifetime(int lifetimeDays, int dueAfterHours)
    {
        var authorization = new MarketplaceAuthorization("a", Issued.AddDays(lifetimeDays), "r", Issued.AddDays(60), Issued);

        var due = AliExpressRefreshPlan.Due(authorization, new AliExpressOptions());

        Assert.Equal(Issued.AddHours(dueAfterHours), due);
    }

    [Fact]
    public void Due_ForATokenWithoutExpiryOrRefreshToken_IsNever()
    {
        var configured = new MarketplaceAuthorization("a", null, null, null, Issued);
        var withoutRefresh = new MarketplaceAuthorization("a", Issued.AddDays(1), null, null, Issued);

        Assert.Null(AliExpressRefreshPlan.Due(configured, new AliExpressOptions()));
        Assert.Null(AliExpressRefreshPlan.Due(withoutRefresh, new AliExpressOptions()));
    }
}
