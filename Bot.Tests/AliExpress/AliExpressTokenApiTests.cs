using Bot.Core.Marketplace;
using Bot.Marketplace.AliExpress;
using Bot.Testing.AliExpress;

namespace Bot.Tests.AliExpress;

/// <summary>The token APIs (<c>/rest/auth/token/create</c>, <c>/refresh</c>) through the real adapter against the fake,
/// and what an expired authorization looks like to the rest of the bridge.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class AliExpressTokenApiTests
{
    [Fact]
    public async Task Create_WithACode_GivesTokensWithTheirExpiryFromTheAnswer()
    {
        await using var h = await AliExpressHarness.StartAsync();
        var code = h.Server.IssueAuthorizationCode();

        var authorization = await h.Get<AliExpressAuthClient>().CreateAsync(code, CancellationToken.None);

        Assert.StartsWith("fake-access-", authorization.AccessToken, StringComparison.Ordinal);
        Assert.Equal(AliExpressHarness.Start.AddDays(1), authorization.AccessExpiresAt);
        Assert.Equal(AliExpressHarness.Start.AddDays(2), authorization.RefreshExpiresAt);
        Assert.DoesNotContain(authorization.AccessToken, authorization.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithAnUnknownOrUsedCode_IsRefused()
    {
        await using var h = await AliExpressHarness.StartAsync();
        var auth = h.Get<AliExpressAuthClient>();
        var code = h.Server.IssueAuthorizationCode();
        await auth.CreateAsync(code, CancellationToken.None);

        var used = await Assert.ThrowsAsync<MarketplaceException>(() => auth.CreateAsync(code, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<MarketplaceException>(() => auth.CreateAsync("3_500001_made-up", CancellationToken.None));

        Assert.All([used, unknown], e => Assert.NotEqual(MarketplaceErrorKind.Transient, e.Kind));
        Assert.Contains("already been used", used.Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Server.TokensIssued);
    }

    [Fact]
    public async Task Create_WithAWrongSecret_IsRefusedAsABadSignature()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: new Dictionary<string, string?> { ["Marketplace:AliExpress:AppSecret"] = "wrong" });

        var error = await Assert.ThrowsAsync<MarketplaceException>(() =>
            h.Get<AliExpressAuthClient>().CreateAsync(h.Server.IssueAuthorizationCode(), CancellationToken.None));

        Assert.Equal(MarketplaceErrorKind.Authorization, error.Kind);
        Assert.Contains("IncompleteSignature", error.Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_GivesANewAccessTokenButKeepsTheRefreshTokensEnd_AndTheOldRefreshTokenStopsWorking()
    {
        await using var h = await AliExpressHarness.StartAsync();
        var auth = h.Get<AliExpressAuthClient>();
        var first = await auth.CreateAsync(h.Server.IssueAuthorizationCode(), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromHours(20));

        var second = await auth.RefreshAsync(first.RefreshToken!, CancellationToken.None);
        var again = await Assert.ThrowsAsync<MarketplaceException>(() => auth.RefreshAsync(first.RefreshToken!, CancellationToken.None));

        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal(h.Time.GetUtcNow().AddDays(1), second.AccessExpiresAt);
        Assert.Equal(first.RefreshExpiresAt, second.RefreshExpiresAt);
        Assert.Contains("IllegalRefreshToken", again.Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_AfterTheRefreshTokenEnded_IsRefused()
    {
        await using var h = await AliExpressHarness.StartAsync();
        var auth = h.Get<AliExpressAuthClient>();
        var first = await auth.CreateAsync(h.Server.IssueAuthorizationCode(), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => auth.RefreshAsync(first.RefreshToken!, CancellationToken.None));

        Assert.NotEqual(MarketplaceErrorKind.Transient, error.Kind);
        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_WithAnAccessTokenRefusedJustPastItsEnd_IsTransient_WhileItsRenewalIsDue()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: new Dictionary<string, string?> { ["Marketplace:AliExpress:AccessToken"] = "" });
        await h.Get<AliExpressTokens>().StoreAsync(
            await h.Get<AliExpressAuthClient>().CreateAsync(h.Server.IssueAuthorizationCode(), CancellationToken.None), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.FetchAsync(null, CancellationToken.None));

        // The refresher renews a token at its end at the latest: a poll that comes first waits for it, no operator needed.
        Assert.Equal((MarketplaceErrorKind.Transient, AliExpressTokens.Renewing), (error.Kind, error.Message));
    }

    [Fact]
    public async Task Fetch_WithAnAccessTokenPastItsEndAndTheRenewalGrace_SaysInOneSentenceThatTheAuthorizationExpired()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: new Dictionary<string, string?> { ["Marketplace:AliExpress:AccessToken"] = "" });
        await h.Get<AliExpressTokens>().StoreAsync(
            await h.Get<AliExpressAuthClient>().CreateAsync(h.Server.IssueAuthorizationCode(), CancellationToken.None), CancellationToken.None);
        await h.Client.FetchAsync(null, CancellationToken.None);
        h.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(11));

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.FetchAsync(null, CancellationToken.None));

        Assert.Equal(MarketplaceErrorKind.Authorization, error.Kind);
        Assert.Equal(AliExpressTokens.Expired, error.Message);
        Assert.Single(error.Message.Split(". ", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Fetch_WithNoTokenAtAll_SaysTheStoreIsNotConnected()
    {
        await using var h = await AliExpressHarness.StartAsync(settings: new Dictionary<string, string?> { ["Marketplace:AliExpress:AccessToken"] = "" });

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => h.Client.FetchAsync(null, CancellationToken.None));

        Assert.Equal((MarketplaceErrorKind.Authorization, AliExpressTokens.NotConnected), (error.Kind, error.Message));
        Assert.Equal(0, h.Server.CallCount(AliExpressMethods.QueryRelations));
    }
}
