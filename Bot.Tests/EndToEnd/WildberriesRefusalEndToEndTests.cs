using Bot.Core.Operations;
using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Testing.Wildberries;

namespace Bot.Tests.EndToEnd;

/// <summary>The real host meeting Wildberries' limits and refusals: throttling, an expired token, a Basic token.</summary>
public sealed class WildberriesRefusalEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = StaffGroupBridge.Timeout;
    private const long Staff = BridgeHost.StaffChatId;

    private FakeTelegramServer telegram = null!;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
    }

    public async Task DisposeAsync() => await telegram.DisposeAsync();

    [Fact]
    public async Task Throttled_TheBridgeWaitsAsAsked_AndTheMessageStillArrives()
    {
        // A stricter platform than the bridge's pace: one request per 3 s for each method.
        await using var wildberries = await FakeWildberriesServer.StartAsync(requestsPerWindow: 1, window: TimeSpan.FromSeconds(3));
        await using var bridge = await BridgeHost.StartAsync(telegram, null, WildberriesEndToEndTests.Settings(wildberries));
        await Eventually.TrueAsync(() => wildberries.Throttled > 0, Timeout);

        wildberries.AddBuyerMessage("1:chat-t", "Tim", "Sent while throttled");

        await Eventually.TrueAsync(() => telegram.SentTo(Staff).Any(m => m.VisibleText?.Contains("Sent while throttled", StringComparison.Ordinal) == true), Timeout);
        Assert.False(bridge.Get<BridgeHealth>().Marketplace.NeedsOperator);
    }

    [Fact]
    public async Task ExpiredToken_StopsPollingForAnOperator_WithTheExpiryDate()
    {
        var expired = FakeWildberriesToken.Make(FakeWildberriesToken.Personal, DateTimeOffset.UtcNow.AddDays(-1));
        await using var wildberries = await FakeWildberriesServer.StartAsync(token: expired);
        await using var bridge = await BridgeHost.StartAsync(telegram, null, WildberriesEndToEndTests.Settings(wildberries));
        var health = bridge.Get<BridgeHealth>();

        await Eventually.TrueAsync(() => health.Marketplace.NeedsOperator, Timeout);

        Assert.Contains("token expired", health.Marketplace.LastError, StringComparison.Ordinal);
        Assert.Equal("ended", health.MarketplaceAuthorizationNotice?.Reason);
        Assert.Contains("Marketplace__Wildberries__Token", health.MarketplaceAuthorizationNotice?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenEndingSoon_IsWarnedWhileTheBridgeKeepsWorking()
    {
        var ending = FakeWildberriesToken.Make(FakeWildberriesToken.Personal, DateTimeOffset.UtcNow.AddDays(3));
        await using var wildberries = await FakeWildberriesServer.StartAsync(token: ending);
        await using var bridge = await BridgeHost.StartAsync(telegram, null, WildberriesEndToEndTests.Settings(wildberries));

        await Eventually.TrueAsync(() => bridge.Get<BridgeHealth>().MarketplaceAuthorizationNotice?.Reason == "ending", Timeout);
        wildberries.AddBuyerMessage("1:chat-e", "Eva", "Still relayed");
        await Eventually.TrueAsync(() => telegram.SentTo(Staff).Any(m => m.VisibleText?.Contains("Still relayed", StringComparison.Ordinal) == true), Timeout);
    }

    [Fact]
    public async Task BasicToken_TheBridgeDoesNotStart_AndSaysWhyInOneSentence()
    {
        await using var wildberries = await FakeWildberriesServer.StartAsync();
        var basic = FakeWildberriesToken.Make(FakeWildberriesToken.Basic, DateTimeOffset.UtcNow.AddDays(100));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BridgeHost.StartAsync(telegram, null, WildberriesEndToEndTests.Settings(wildberries, basic)));

        Assert.Contains("Marketplace__Wildberries__Token is a Basic token", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, wildberries.CallCount("events"));
    }
}
