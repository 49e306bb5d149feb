using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.Operations;

/// <summary>The real host refuses to start when its operator pages would be open to the network.</summary>
public sealed class OperatorAccessStartupTests
{
    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    [InlineData("http://127.0.0.1:0;http://[::]:0")]
    public async Task BeyondLoopback_WithoutToken_RefusesToStart_NamingTheSetting(string urls)
    {
        await using var telegram = await FakeTelegramServer.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            BridgeHost.StartAsync(telegram, new InMemoryMarketplace(), new Dictionary<string, string?> { ["Urls"] = urls }));

        Assert.Contains("Operators__HttpToken", error.Message, StringComparison.Ordinal);
        Assert.Contains("beyond loopback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortToken_RefusesToStart()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            BridgeHost.StartAsync(telegram, new InMemoryMarketplace(), new Dictionary<string, string?> { ["Operators:HttpToken"] = "short" }));

        Assert.Contains("Operators__HttpToken must be at least 16 characters", error.Message, StringComparison.Ordinal);
    }
}
