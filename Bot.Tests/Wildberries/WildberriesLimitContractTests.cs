using Bot.Core.Marketplace;
using Bot.Marketplace.Wildberries;
using Bot.Testing;
using Bot.Testing.Wildberries;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Wildberries;

/// <summary>The platform's limits and refusals as the adapter meets them: pacing, 429, a bad or withdrawn token.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class WildberriesLimitContractTests
{
    [Fact]
    public async Task Requests_ArePacedToTheLimit_TheOneOverWaitsForTheWindow_AndNoneIsThrottled()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var wb = await WildberriesHarness.StartAsync(time, new Dictionary<string, string?> { ["Marketplace:Wildberries:RequestsPerWindow"] = "3" });

        for (var i = 0; i < 3; i++)
        {
            await wb.Client.FetchAsync(null, CancellationToken.None);
        }

        var pacer = wb.Get<WildberriesPacer>();
        var fourth = wb.Client.FetchAsync(null, CancellationToken.None);
        await Eventually.TrueAsync(() => pacer.Waits == 1, TimeSpan.FromSeconds(10)); // held back before it was sent
        Assert.False(fourth.IsCompleted);
        Assert.Equal(3, wb.Server.CallCount("events"));

        time.Advance(TimeSpan.FromSeconds(10)); // the window, but not yet the margin for the platform counting on arrival
        await Task.Delay(100); // a real moment in which a request released too early would reach the fake
        Assert.Equal(1, pacer.Waits);
        Assert.False(fourth.IsCompleted);
        Assert.Equal(3, wb.Server.CallCount("events"));
        time.Advance(TimeSpan.FromMilliseconds(500));
        await fourth;
        Assert.Equal((4, 0), (wb.Server.CallCount("events"), wb.Server.Throttled));
    }

    [Fact]
    public async Task Throttled_IsTransient_AndHoldsEveryRequestForTheTimeThePlatformAsked()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var wb = await WildberriesHarness.StartAsync(time, server: await FakeWildberriesServer.StartAsync(requestsPerWindow: 1, window: TimeSpan.FromMinutes(1)));

        await wb.Client.FetchAsync(null, CancellationToken.None);
        var error = await Assert.ThrowsAsync<MarketplaceException>(() => wb.Client.FetchAsync(null, CancellationToken.None));
        Assert.Equal(MarketplaceErrorKind.Transient, error.Kind);
        Assert.Equal(1, wb.Server.Throttled);

        var pacer = wb.Get<WildberriesPacer>();
        var held = wb.Client.FetchAsync(null, CancellationToken.None);
        await Eventually.TrueAsync(() => pacer.Waits == 1, TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(59)); // X-Ratelimit-Retry says 60
        await Task.Delay(100); // a real moment in which a request released too early would reach the fake
        Assert.Equal(1, pacer.Waits);
        Assert.False(held.IsCompleted);
        Assert.Equal(2, wb.Server.CallCount("events"));
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => wb.Server.CallCount("events") == 3, TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<MarketplaceException>(() => held); // still within the fake's real minute
    }

    [Fact]
    public async Task WithdrawnToken_IsAnAuthorizationError_ThatSaysWhatToDo_WithoutTheToken()
    {
        await using var wb = await WildberriesHarness.StartAsync();
        wb.Server.RevokeToken();

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => wb.Client.FetchAsync(null, CancellationToken.None));

        Assert.Equal(MarketplaceErrorKind.Authorization, error.Kind);
        Assert.Contains("token withdrawn", error.Message, StringComparison.Ordinal);
        Assert.Contains("Marketplace__Wildberries__Token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wb.Server.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrors_AreTransient_AndAMissingCategoryIsAnAuthorizationError()
    {
        await using var wb = await WildberriesHarness.StartAsync();
        wb.Server.FailNext("events", 502);
        wb.Server.FailNext("events", 403);

        Assert.Equal(MarketplaceErrorKind.Transient, (await Assert.ThrowsAsync<MarketplaceException>(() => wb.Client.FetchAsync(null, CancellationToken.None))).Kind);
        var forbidden = await Assert.ThrowsAsync<MarketplaceException>(() => wb.Client.FetchAsync(null, CancellationToken.None));
        Assert.Equal(MarketplaceErrorKind.Authorization, forbidden.Kind);
        Assert.Contains("Buyers Chat category", forbidden.Message, StringComparison.Ordinal);
    }
}
