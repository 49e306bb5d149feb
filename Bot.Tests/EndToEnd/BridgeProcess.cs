using System.Diagnostics;
using System.Globalization;
using Bot.Tests.Fakes.AliExpress;
using Bot.Tests.Fakes.Telegram;

namespace Bot.Tests.EndToEnd;

/// <summary>The bridge as its own process (Bot.dll) against the fakes, configured through environment variables like
/// a deployment; <see cref="Kill"/> is SIGKILL on Linux, so no shutdown code runs.</summary>
public sealed class BridgeProcess : IDisposable
{
    private readonly Process process;

    private BridgeProcess(Process process) => this.process = process;

    public bool HasExited => process.HasExited;

    public static Dictionary<string, string> Environment(FakeTelegramServer telegram, FakeAliExpressGateway aliexpress, string database) => new()
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

    public static BridgeProcess Start(IReadOnlyDictionary<string, string> environment)
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
        return new BridgeProcess(process);
    }

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }
}
