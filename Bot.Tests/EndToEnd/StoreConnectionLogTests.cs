using System.Globalization;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;

namespace Bot.Tests.EndToEnd;

/// <summary>The real program, logging at Debug, while a store is connected and its token refreshed: no token, code
/// or secret appears in its output.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class StoreConnectionLogTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ConnectAndRefresh_NeverWriteATokenOrTheCodeToTheLog()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(StoreConnection.Staff, "Store staff");
        telegram.AddSupergroup(StoreConnection.OperatorChat, "Operators", forum: false);
        await using var aliexpress = await FakeAliExpressServer.StartAsync(
            new FakeAliExpressServerOptions { AccessTokenLifetime = TimeSpan.FromSeconds(2), RefreshTokenLifetime = TimeSpan.FromMinutes(10) });
        var settings = BridgeProcess.Environment(telegram, aliexpress, Path.Combine(Directory.CreateTempSubdirectory("bridge-oauth-log-").FullName, "bridge.db"));
        settings["Marketplace__AliExpress__AccessToken"] = null;
        settings["Marketplace__AliExpress__CallbackUrl"] = "https://bridge.example.com/aliexpress/callback";
        settings["Telegram__OperatorChatId"] = StoreConnection.OperatorChat.ToString(CultureInfo.InvariantCulture);
        settings["Telegram__OperatorIds"] = StoreConnection.Operator.ToString(CultureInfo.InvariantCulture);
        settings["Logging__LogLevel__Default"] = "Debug";
        await using var bridge = BridgeProcess.Start(settings);
        var code = aliexpress.IssueAuthorizationCode();

        telegram.EnqueueMessage(StoreConnection.OperatorChat, StoreConnection.Operator, "Olga", "/connect " + code);
        await Eventually.TrueAsync(() => aliexpress.TokensIssued >= 3, Within); // connected, then refreshed twice
        await bridge.WaitForOutputAsync(lines => lines.Count(l => l.Contains("access token refreshed", StringComparison.Ordinal)) >= 2, Within);
        await bridge.WaitForOutputAsync(lines => lines.Count(l => l.Contains("AliExpress self-check aliexpress.message.", StringComparison.Ordinal)) >= 4, Within);

        Assert.Contains(telegram.SentTo(StoreConnection.OperatorChat), m => m.VisibleText?.Contains("Connected to the AliExpress store", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(code, bridge.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fake-access-", bridge.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fake-refresh-", bridge.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(aliexpress.AppSecret, bridge.Output, StringComparison.Ordinal);
        Assert.Contains("AliExpress store connected", bridge.Output, StringComparison.Ordinal);
    }
}
