using Bot.Core.Operations;
using Bot.Marketplace.Wildberries;
using Bot.Testing.Wildberries;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Wildberries;

/// <summary>What the token tells before any call: its type (a Basic token's 1 request per hour is refused at start) and its expiry.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class WildberriesTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<string> Problems(string token) =>
        new WildberriesOptionsValidator().Validate(null, new WildberriesOptions { Token = token }).Failures?.ToList() ?? [];

    [Fact]
    public void PersonalToken_IsAccepted()
    {
        Assert.Empty(Problems(FakeWildberriesToken.Make(FakeWildberriesToken.Personal, Now.AddDays(100))));
    }

    [Fact]
    public void BasicToken_IsRefusedAtStart_WithOneSentenceSayingWhy()
    {
        var problem = Assert.Single(Problems(FakeWildberriesToken.Make(FakeWildberriesToken.Basic, Now.AddDays(100))));

        Assert.Contains("Basic token", problem, StringComparison.Ordinal);
        Assert.Contains("1 buyer-chat request per hour", problem, StringComparison.Ordinal);
        Assert.Contains("Marketplace__Wildberries__Token", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Set Marketplace__Wildberries__Token")]
    [InlineData("not-a-token", "is not a Wildberries API token")]
    [InlineData("a.b.c", "is not a Wildberries API token")]
    public void MissingOrMangledToken_IsRefusedAtStart(string token, string expected)
    {
        Assert.Contains(expected, Assert.Single(Problems(token)), StringComparison.Ordinal);
    }

    [Fact]
    public void SandboxToken_IsRefusedAtStart()
    {
        Assert.Contains("sandbox", Assert.Single(Problems(FakeWildberriesToken.Make(FakeWildberriesToken.Test, Now.AddDays(100)))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, null)]
    [InlineData(10, "ending")]
    [InlineData(-1, "ended")]
    public void ExpiryFromTheTokensExpClaim_IsWarnedAhead_AndSaidOnceItEnded(int daysLeft, string? reason)
    {
        var token = FakeWildberriesToken.Make(FakeWildberriesToken.Personal, Now.AddDays(daysLeft));
        var watch = new WildberriesTokenWatch(new BridgeHealth(TimeProvider.System), new FakeTimeProvider(Now), Options.Create(new WildberriesOptions { Token = token }));

        var notice = watch.Notice();

        Assert.Equal(reason, notice?.Reason);
        if (notice is not null)
        {
            Assert.Contains(Now.AddDays(daysLeft).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), notice.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(token, notice.Text, StringComparison.Ordinal);
        }
    }
}
