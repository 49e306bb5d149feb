using System.Globalization;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Bot.Tests.EndToEnd.FaultMatrix;

/// <summary>One row of the fault matrix: the real host (<see cref="BridgeApp"/>, the real AliExpress adapter) against the
/// fake Bot API and the fake AliExpress server, with an operator chat, two-way traffic in four conversations and the
/// time bounds scaled down (see <see cref="Scaled"/>).</summary>
public sealed partial class MatrixRig : IAsyncDisposable
{
    public const long Staff = BridgeHost.StaffChatId;
    public const long OperatorChat = -1003000000003;
    public const long Operator = 111;
    public const int Orders = 4;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly BridgeHost bridge;

    private MatrixRig(FakeTelegramServer telegram, FakeAliExpressServer aliexpress, BridgeHost bridge, string databasePath)
    {
        Telegram = telegram;
        AliExpress = aliexpress;
        this.bridge = bridge;
        DatabasePath = databasePath;
        Traffic = new TwoWayTraffic(telegram, aliexpress, Orders);
    }

    public FakeTelegramServer Telegram { get; }

    public FakeAliExpressServer AliExpress { get; }

    public TwoWayTraffic Traffic { get; }

    public string DatabasePath { get; }

    /// <summary>Set by a row when it had to act as an operator (a command, a retry) for the traffic to get through.</summary>
    public bool OperatorActed { get; set; }

    public IServiceProvider Services => bridge.Services;

    /// <summary>Time bounds scaled down so that a row runs in seconds: retries start at 20 ms (2 s in production) and wait
    /// at most 1 s (10 min), so the 8 attempts of <c>Relay:MaxAttempts</c> are spent in about 3 s instead of about 9 min;
    /// marketplace back-off at most 2 s (5 min); after an authorization error polling tries again after 3 s (10 min);
    /// alerts are checked every 100 ms (30 s) and a delivery pending 3 s (15 min) is reported as stuck.</summary>
    public static Dictionary<string, string?> Scaled(FakeAliExpressServer aliexpress) => new()
    {
        ["Marketplace:AliExpress:GatewayUrl"] = aliexpress.BaseUrl,
        ["Marketplace:AliExpress:AppKey"] = aliexpress.AppKey,
        ["Marketplace:AliExpress:AppSecret"] = aliexpress.AppSecret,
        ["Marketplace:AliExpress:AccessToken"] = aliexpress.AccessToken,
        ["Marketplace:AliExpress:SellerLoginId"] = aliexpress.SellerLoginId,
        ["Marketplace:MaxBackoff"] = "00:00:02",
        ["Marketplace:AuthorizationRetry"] = "00:00:03",
        ["Relay:RetryBaseDelay"] = "00:00:00.020",
        ["Relay:MaxRetryDelay"] = "00:00:01",
        ["Telegram:Limits:GroupPerMinute"] = "1000000",
        ["Telegram:OperatorChatId"] = OperatorChat.ToString(CultureInfo.InvariantCulture),
        ["Telegram:OperatorIds"] = Operator.ToString(CultureInfo.InvariantCulture),
        ["Operations:AlertCheckInterval"] = "00:00:00.100",
        ["Operations:StuckDeliveryAlertAfter"] = "00:00:03",
        ["Translation:CandidateLanguages"] = "en,ru",
        ["Translation:LowAccuracyMode"] = "true",
        ["Logging:LogLevel:Default"] = "Critical",
    };

    public static async Task<MatrixRig> StartAsync(IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null, bool onSqliteFile = false)
    {
        var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { RateLimitsEnabled = false });
        telegram.AddSupergroup(Staff, "Store staff");
        telegram.AddSupergroup(OperatorChat, "Operators", forum: false);
        var aliexpress = await FakeAliExpressServer.StartAsync();
        var settings = Scaled(aliexpress);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var database = Path.Combine(Directory.CreateTempSubdirectory("bridge-matrix-").FullName, "bridge.db");
        if (onSqliteFile)
        {
            // Faults made on the SQLite file need the bridge on it, whatever database the run puts bridges on.
            settings["ConnectionStrings:Bridge"] = $"Data Source={database}";
        }

        var bridge = await BridgeHost.StartAsync(telegram, null, settings, database, builder => services?.Invoke(builder.Services));
        var rig = new MatrixRig(telegram, aliexpress, bridge, database);
        // Every conversation has its topic before the fault: staff replies need one.
        rig.Traffic.AddBuyerMessages(Orders);
        for (var i = 0; i < Orders; i++)
        {
            await rig.Traffic.TopicOfAsync(i, Timeout);
        }

        return rig;
    }

    /// <summary>Buyer and staff messages written while the fault lasts.</summary>
    public async Task WriteAsync(int buyerMessages, int staffReplies)
    {
        Traffic.AddBuyerMessages(buyerMessages);
        await Traffic.AddStaffRepliesAsync(staffReplies, Timeout);
    }

    public IReadOnlyList<SentMessage> OperatorMessages => Telegram.SentTo(OperatorChat);

    /// <summary>An operator command typed into the operator chat.</summary>
    public void Command(string text)
    {
        OperatorActed = true;
        Telegram.EnqueueMessage(OperatorChat, Operator, "Olga", text);
    }

    /// <summary>Waits for every message both ways, prints the row's line and returns the counts.</summary>
    public async Task<MatrixRow> FinishAsync(string row, ITestOutputHelper output)
    {
        var complete = await Traffic.WaitCompleteAsync(Timeout);
        // A call the bridge gave up on (timeout) may still take effect later: count only once every send was answered.
        await Eventually.TrueAsync(() => new[] { "sendMessage", "setMessageReaction" }.All(m => Telegram.CallCount(m) == Telegram.Requests.Count(c => c.Method == m)), Timeout);
        var (buyer, staff) = (Traffic.BuyerTally(), Traffic.StaffTally());
        var result = new MatrixRow(row, buyer.Lost + staff.Lost, buyer.Duplicates + staff.Duplicates, complete && !OperatorActed,
            buyer.OrderViolations + staff.OrderViolations);
        output.WriteLine(result.ToString());
        output.WriteLine($"  ({Traffic.BuyerCount} buyer -> staff, {Traffic.StaffCount} staff -> marketplace; order violations {result.OrderViolations}; " +
            $"operator messages {OperatorMessages.Count})");
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await bridge.DisposeAsync();
        await AliExpress.DisposeAsync();
        await Telegram.DisposeAsync();
    }
}
