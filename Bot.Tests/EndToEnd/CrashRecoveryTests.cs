using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Tests.Fakes.AliExpress;
using Bot.Tests.Fakes.Telegram;

namespace Bot.Tests.EndToEnd;

/// <summary>The bridge as a separate process, killed with SIGKILL while relaying, then restarted on the same database.</summary>
public sealed partial class CrashRecoveryTests
{
    private const long Staff = BridgeHost.StaffChatId;
    private const int Messages = 200;
    private const int Orders = 10;

    [Fact]
    public async Task SigkillWhileRelaying200Messages_AllArrive_NoMoreTwiceThanWereInFlight()
    {
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateLimitsEnabled = false });
        telegram.AddSupergroup(Staff, "Store staff");
        await using var aliexpress = await FakeAliExpressGateway.StartAsync();
        for (var i = 0; i < Messages; i++)
        {
            aliexpress.AddBuyerMessage($"80000{i % Orders}", $"buyer{i % Orders}", $"Buyer {i % Orders}", $"msg-{i:D3}");
        }

        var database = Path.Combine(Directory.CreateTempSubdirectory("bridge-crash-").FullName, "bridge.db");
        var environment = Environment(telegram, aliexpress, database);

        using (var first = Start(environment))
        {
            await telegram.WaitUntilAsync(() => Relayed(telegram).Count >= 40 || first.HasExited, TimeSpan.FromSeconds(60));
            Assert.False(first.HasExited, "the bridge stopped by itself");
            first.Kill(); // SIGKILL on Linux: no shutdown code runs
            await first.WaitForExitAsync();
        }

        var atKill = Relayed(telegram).Count;
        Assert.InRange(atKill, 40, Messages - 1);

        using var second = Start(environment);
        try
        {
            await telegram.WaitUntilAsync(() => Relayed(telegram).Distinct().Count() == Messages, TimeSpan.FromSeconds(60));
        }
        finally
        {
            second.Kill();
            await second.WaitForExitAsync();
        }

        var relayed = Relayed(telegram);
        Assert.Equal(Enumerable.Range(0, Messages).Select(i => $"msg-{i:D3}"), relayed.Distinct().Order());
        // Deliveries in flight when the process died are sent again: at most Relay:MaxParallelDeliveries (8), each once.
        Assert.InRange(relayed.Count - Messages, 0, new Bot.Core.Relay.RelayOptions().MaxParallelDeliveries);
        Assert.InRange(telegram.Topics(Staff).Count, Orders, Orders + 1);
    }

    private static List<string> Relayed(FakeTelegramServer telegram) =>
        telegram.SentTo(Staff).SelectMany(m => MessageText().Matches(m.VisibleText ?? "").Select(x => x.Value)).ToList();

    private static Dictionary<string, string> Environment(FakeTelegramServer telegram, FakeAliExpressGateway aliexpress, string database) => new()
    {
        ["Telegram__BotToken"] = telegram.Token,
        ["Telegram__StaffChatId"] = Staff.ToString(CultureInfo.InvariantCulture),
        ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
        ["Telegram__PollTimeoutSeconds"] = "1",
        ["Telegram__Limits__GroupPerMinute"] = "1000000",
        // 20 sends a second: the ~230 sends take over ten seconds, so the kill always lands mid-relay.
        ["Telegram__Limits__GlobalPerSecond"] = "20",
        ["ConnectionStrings__Bridge"] = $"Data Source={database}",
        ["Urls"] = "http://127.0.0.1:0",
        ["Marketplace__AliExpress__GatewayUrl"] = aliexpress.BaseUrl,
        ["Marketplace__AliExpress__AppKey"] = aliexpress.AppKey,
        ["Marketplace__AliExpress__AppSecret"] = aliexpress.AppSecret,
        ["Marketplace__AliExpress__AccessToken"] = aliexpress.AccessToken,
        ["Marketplace__AliExpress__SellerLoginId"] = aliexpress.SellerLoginId,
        ["Marketplace__AliExpress__PollInterval"] = "00:00:00.200",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private static Process Start(Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Bot.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The bridge did not start.");
        // Drain the output so a full pipe never blocks the bridge.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    [GeneratedRegex(@"msg-\d{3}")]
    private static partial Regex MessageText();
}
