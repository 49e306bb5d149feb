using System.Globalization;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd;

/// <summary>Environments for <see cref="Start"/>: a test overrides, adds or removes (null) what it is about.</summary>
public sealed partial class BridgeProcess
{
    /// <summary>Settings that start the bridge against nothing in particular (closed ports on 127.0.0.1, a fresh database).</summary>
    public static Dictionary<string, string?> QuietSettings(string database) => new()
    {
        ["Telegram__BotToken"] = "123456789:AAHtest-token-0123456789",
        ["Telegram__StaffChatId"] = BridgeHost.StaffChatId.ToString(CultureInfo.InvariantCulture),
        ["Telegram__ApiBaseUrl"] = "http://127.0.0.1:9",
        ["ConnectionStrings__Bridge"] = $"Data Source={database}",
        ["Urls"] = "http://127.0.0.1:0",
        ["Marketplace__AliExpress__GatewayUrl"] = "http://127.0.0.1:9",
        ["Marketplace__AliExpress__AppKey"] = "500001",
        ["Marketplace__AliExpress__AppSecret"] = "test-app-secret-0123456789",
        ["Marketplace__AliExpress__AccessToken"] = "test-session",
        ["Marketplace__AliExpress__SellerLoginId"] = "cn1000seller",
    };

    /// <summary>Settings that run the bridge against the given fakes, polling and retrying quickly, logging warnings.</summary>
    public static Dictionary<string, string?> Environment(FakeTelegramServer telegram, FakeAliExpressServer aliexpress, string database) => new()
    {
        ["Telegram__BotToken"] = telegram.Token,
        ["Telegram__StaffChatId"] = BridgeHost.StaffChatId.ToString(CultureInfo.InvariantCulture),
        ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
        ["Telegram__PollTimeoutSeconds"] = "1",
        ["Telegram__Limits__GroupPerMinute"] = "1000000",
        ["ConnectionStrings__Bridge"] = $"Data Source={database}",
        ["Urls"] = "http://127.0.0.1:0",
        ["Marketplace__AliExpress__GatewayUrl"] = aliexpress.BaseUrl,
        ["Marketplace__AliExpress__AppKey"] = aliexpress.AppKey,
        ["Marketplace__AliExpress__AppSecret"] = aliexpress.AppSecret,
        ["Marketplace__AliExpress__AccessToken"] = aliexpress.AccessToken,
        ["Marketplace__AliExpress__SellerLoginId"] = aliexpress.SellerLoginId,
        ["Marketplace__AliExpress__PollInterval"] = "00:00:00.200",
        ["Relay__RetryBaseDelay"] = "00:00:00.200",
        ["Logging__LogLevel__Default"] = "Warning",
    };
}
