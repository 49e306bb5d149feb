using Bot.Core.Marketplace;
using Bot.Marketplace.AliExpress;
using Bot.Testing;
using Bot.Testing.AliExpress;

namespace Bot.Tests.EndToEnd;

/// <summary>A seller connects the store without handling a token, and the bridge stays connected: the real host with
/// the real adapter, against the fake AliExpress server and the fake Bot API.</summary>
[Harness.RunsLong]
public sealed class StoreConnectionEndToEndTests
{
    private static readonly TimeSpan Timeout = StoreConnection.Timeout;

    [Fact]
    public async Task Connect_ThroughTheCallbackOfTheLinkOperatorsGet_StoresTokensAndRelays()
    {
        await using var c = await StoreConnection.StartAsync();
        await c.OperatorMessageAsync("not connected to an AliExpress store"); // the alert, before anyone asked

        var answer = await c.OperatorSaysAsync("/connect", "authorization link");
        Assert.Contains("https://api-sg.aliexpress.com/oauth/authorize?response_type=code&amp;force_auth=true&amp;redirect_uri=https%3A%2F%2Fbridge.example.com%2Faliexpress%2Fcallback&amp;client_id=500001&amp;state=", answer.Text, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri(c.Bridge.Url) };
        var page = await http.GetAsync(new Uri($"/aliexpress/callback?code={c.AliExpress.IssueAuthorizationCode()}&state={StoreConnection.StateOf(answer)}", UriKind.Relative));

        Assert.True(page.IsSuccessStatusCode);
        Assert.Contains("connected to your AliExpress store", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await c.RelaysABuyerMessageAsync("3001000000001");
        var stored = await c.Bridge.Get<IMarketplaceAuthorizationRepository>().GetAsync(AliExpressTokens.Marketplace, CancellationToken.None);
        Assert.StartsWith("fake-access-", stored!.AccessToken, StringComparison.Ordinal);
        Assert.DoesNotContain(c.OperatorMessages, m => m.Text?.Contains(stored.AccessToken, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task StatusPage_OfABridgeWithoutAStore_OffersTheAuthorizationLink()
    {
        await using var c = await StoreConnection.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(c.Bridge.Url) };

        var page = await Eventually.ValueAsync(
            async () => await http.GetStringAsync(new Uri("/", UriKind.Relative)) is var html && html.Contains("oauth/authorize", StringComparison.Ordinal) ? html : null,
            Timeout);

        Assert.Contains("not connected to an AliExpress store", page, StringComparison.Ordinal);
        Assert.Contains("client_id=500001&amp;state=", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_WithAPastedCode_StoresTokensAndRelays()
    {
        await using var c = await StoreConnection.StartAsync();

        var answer = await c.OperatorSaysAsync("/connect " + c.AliExpress.IssueAuthorizationCode(), "Connected to the AliExpress store");

        Assert.DoesNotContain("fake-", answer.Text, StringComparison.Ordinal);
        await c.RelaysABuyerMessageAsync("3001000000002");
    }

    [Fact]
    public async Task Callback_WithoutThisBridgesState_IsRefusedAndTheCodeIsNotUsed()
    {
        await using var c = await StoreConnection.StartAsync();
        var code = c.AliExpress.IssueAuthorizationCode();
        using var http = new HttpClient { BaseAddress = new Uri(c.Bridge.Url) };

        var forged = await http.GetAsync(new Uri($"/aliexpress/callback?code={code}&state=0123456789abcdef0123456789abcdef", UriKind.Relative));
        var missing = await http.GetAsync(new Uri($"/aliexpress/callback?code={code}", UriKind.Relative));

        Assert.Equal((System.Net.HttpStatusCode.Forbidden, System.Net.HttpStatusCode.Forbidden), (forged.StatusCode, missing.StatusCode));
        Assert.Equal(0, c.AliExpress.CallCount(AliExpressAuthClient.CreatePath));
        await c.OperatorSaysAsync("/connect " + code, "Connected to the AliExpress store"); // still unused
    }

    [Fact]
    public async Task Connect_WithAUsedCode_SaysSoAndKeepsTheStoreUnconnected()
    {
        await using var c = await StoreConnection.StartAsync();
        var code = c.AliExpress.IssueAuthorizationCode();
        await c.OperatorSaysAsync("/connect " + code, "Connected to the AliExpress store");

        await c.OperatorSaysAsync("/connect " + code, "AliExpress refused the code (InvalidCode");
    }

    [Fact]
    public async Task AccessToken_IsRefreshedAheadOfItsEnd_AndTheBridgeKeepsRelaying()
    {
        await using var c = await StoreConnection.StartAsync(
            new FakeAliExpressServerOptions { AccessTokenLifetime = TimeSpan.FromSeconds(3), RefreshTokenLifetime = TimeSpan.FromMinutes(10) });
        await c.OperatorSaysAsync("/connect " + c.AliExpress.IssueAuthorizationCode(), "Connected");

        await Eventually.TrueAsync(() => c.AliExpress.TokensIssued >= 4, Timeout); // three refreshes: > 4 s, past the first token's end

        await c.RelaysABuyerMessageAsync("3001000000003");
        Assert.False(c.Bridge.Get<Bot.Core.Operations.BridgeHealth>().Marketplace.NeedsOperator);
    }

    [Fact]
    public async Task Refresh_ThatFailsThenSucceeds_KeepsTheOldTokenInUseMeanwhile()
    {
        await using var c = await StoreConnection.StartAsync(
            new FakeAliExpressServerOptions { AccessTokenLifetime = TimeSpan.FromSeconds(30), RefreshTokenLifetime = TimeSpan.FromMinutes(10) },
            new Dictionary<string, string?> { ["Marketplace:AliExpress:RefreshAtShareOfLifetime"] = "0.5", ["Marketplace:AliExpress:RefreshAhead"] = "00:00:00" });
        c.AliExpress.FailNext(AliExpressAuthClient.RefreshPath, FakeFault.Status(503), times: 3);
        await c.OperatorSaysAsync("/connect " + c.AliExpress.IssueAuthorizationCode(), "Connected");
        var first = await c.Bridge.Get<IMarketplaceAuthorizationRepository>().GetAsync(AliExpressTokens.Marketplace, CancellationToken.None);

        await Eventually.TrueAsync(() => c.AliExpress.CallCount(AliExpressAuthClient.RefreshPath) >= 3, Timeout);
        var meanwhile = await c.Bridge.Get<IMarketplaceAuthorizationRepository>().GetAsync(AliExpressTokens.Marketplace, CancellationToken.None);
        await c.RelaysABuyerMessageAsync("3001000000004");
        await Eventually.TrueAsync(() => c.AliExpress.TokensIssued == 2, Timeout);

        Assert.Equal(first!.AccessToken, meanwhile!.AccessToken);
        Assert.Equal(4, c.AliExpress.CallCount(AliExpressAuthClient.RefreshPath));
    }

    [Fact]
    public async Task Refresh_AfterARestart_FollowsTheStoredExpiry()
    {
        await using var c = await StoreConnection.StartAsync(
            new FakeAliExpressServerOptions { AccessTokenLifetime = TimeSpan.FromSeconds(4), RefreshTokenLifetime = TimeSpan.FromMinutes(10) },
            new Dictionary<string, string?> { ["Marketplace:AliExpress:RefreshAhead"] = "00:00:00" });
        await c.OperatorSaysAsync("/connect " + c.AliExpress.IssueAuthorizationCode(), "Connected");
        await c.StopBridgeAsync();
        Assert.Equal(1, c.AliExpress.TokensIssued);

        await c.StartBridgeAsync();

        await Eventually.TrueAsync(() => c.AliExpress.TokensIssued >= 3, Timeout); // refreshed without /connect, past the first token's end
        await c.RelaysABuyerMessageAsync("3001000000005");
    }

    [Fact]
    public async Task RefreshTokenEndingSoon_WarnsOperatorsWithTheLink_AndConnectingAgainClearsIt()
    {
        await using var c = await StoreConnection.StartAsync(
            new FakeAliExpressServerOptions { AccessTokenLifetime = TimeSpan.FromHours(1), RefreshTokenLifetime = TimeSpan.FromDays(2) },
            new Dictionary<string, string?> { ["Marketplace:AliExpress:AuthorizationWarning"] = "3.00:00:00" });
        await c.OperatorSaysAsync("/connect " + c.AliExpress.IssueAuthorizationCode(), "Connected");

        var warning = await c.OperatorMessageAsync("authorization ends on");

        Assert.Contains("cannot be renewed after that: open https://api-sg.aliexpress.com/oauth/authorize?", warning.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Store authorization", warning.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizationThatExpired_IsReportedInOneSentence()
    {
        await using var c = await StoreConnection.StartAsync(
            new FakeAliExpressServerOptions { AccessTokenLifetime = TimeSpan.FromSeconds(2), RefreshTokenLifetime = TimeSpan.FromSeconds(2) });
        await c.OperatorSaysAsync("/connect " + c.AliExpress.IssueAuthorizationCode(), "Connected");

        var alert = await c.OperatorMessageAsync(AliExpressTokens.Expired);
        var renewal = await Eventually.ValueAsync(
            () => c.OperatorMessages.FirstOrDefault(m => m.VisibleText is { } t && (t.Contains("refused to renew", StringComparison.Ordinal) || t.Contains("authorization ended on", StringComparison.Ordinal))),
            Timeout);

        Assert.Contains("Marketplace refuses the account", alert.VisibleText, StringComparison.Ordinal);
        Assert.Contains("https://api-sg.aliexpress.com/oauth/authorize?", renewal.VisibleText, StringComparison.Ordinal);
    }
}
