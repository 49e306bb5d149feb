using Bot.Marketplace.Demo;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.Demo;

/// <summary>Which settings the bridge asks for at start with the demo marketplace, and with the real one.</summary>
public sealed class DemoStartupTests
{
    [Fact]
    public async Task DemoProvider_StartsWithoutAnyAliExpressSetting()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(BridgeHost.StaffChatId, "Store staff");

        await using var bridge = await BridgeHost.StartAsync(telegram, null, DemoRig.WithoutAliExpress("Demo"));

        Assert.Equal("demo", bridge.Get<Bot.Core.Marketplace.IMarketplaceClient>().Marketplace);
    }

    [Fact]
    public async Task AliExpressProvider_WithoutItsSettings_FailsWithSentencesNamingThem()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BridgeHost.StartAsync(telegram, null, DemoRig.WithoutAliExpress("AliExpress")));

        Assert.Contains("Set Marketplace__AliExpress__AppKey to the app key", error.Message, StringComparison.Ordinal);
        Assert.Contains("Set Marketplace__AliExpress__AppSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AccessToken", error.Message, StringComparison.Ordinal); // a store connects with /connect, no token needed
    }

    [Fact]
    public async Task UnknownProvider_FailsWithASentenceNamingBothProviders()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BridgeHost.StartAsync(telegram, null, DemoRig.WithoutAliExpress("Amazon")));

        Assert.Contains("Marketplace__Provider 'Amazon' is not supported: set it to AliExpress or Wildberries, or to Demo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSettings_OutOfRange_FailWithSentencesNamingTheVariables()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        var settings = DemoRig.WithoutAliExpress("Demo");
        settings["Demo:NewConversationEvery"] = "00:00:00";
        settings["Demo:MaxConversations"] = "0";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BridgeHost.StartAsync(telegram, null, settings));

        Assert.Contains("Set Demo__NewConversationEvery to a positive duration", error.Message, StringComparison.Ordinal);
        Assert.Contains("Set Demo__MaxConversations to a positive number", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AliExpress", error.Message, StringComparison.Ordinal);
        Assert.True(new DemoOptionsValidator().Validate(null, new DemoOptions()).Succeeded);
    }
}
