using Microsoft.Extensions.Logging;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd.OrderCards;

/// <summary>The real host against the fake Bot API and the fake AliExpress gateway, with an order the fake tells about.</summary>
internal sealed class OrderCardRig : IAsyncDisposable
{
    public const string FindOrder = "aliexpress.trade.new.redefining.findorderbyid";
    public const string OrderIssues = "aliexpress.issue.partner.order.issues.get";
    public const string OrderId = "3001234567890";
    public const long Staff = BridgeHost.StaffChatId;
    public static readonly TimeSpan Timeout = StaffGroupBridge.Timeout;

    private OrderCardRig(FakeTelegramServer telegram, FakeAliExpressServer aliexpress, BridgeHost bridge, string interval)
    {
        Telegram = telegram;
        AliExpress = aliexpress;
        Bridge = bridge;
        Interval = interval;
    }

    public FakeTelegramServer Telegram { get; }

    public FakeAliExpressServer AliExpress { get; }

    public BridgeHost Bridge { get; private set; }

    public CapturedLogs Logs { get; private set; } = new();

    private string Interval { get; }

    public static FakeOrder Shipping(DateTimeOffset now) => new(
        OrderId, "WAIT_SELLER_SEND_GOODS",
        [new FakeOrderItem("Linen shirt <XL> & belt", 2, 12.50m), new FakeOrderItem("Gift box", 1, 3.00m)],
        28.00m, "USD", "ES", OverTimeLeft: now.AddDays(2).AddHours(3));

    public static async Task<OrderCardRig> StartAsync(string interval = "00:00:00.300", Action<FakeAliExpressServer>? arrange = null)
    {
        var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        var aliexpress = await FakeAliExpressServer.StartAsync();
        arrange?.Invoke(aliexpress);
        var rig = new OrderCardRig(telegram, aliexpress, null!, interval);
        rig.Bridge = await rig.StartBridgeAsync(null);
        return rig;
    }

    /// <summary>Stops the bridge and starts it again on the same database (a restart).</summary>
    public async Task RestartAsync()
    {
        var database = Bridge.DatabasePath;
        await Bridge.DisposeAsync();
        Logs = new CapturedLogs();
        Bridge = await StartBridgeAsync(database);
    }

    public Task<SentMessage> PostedAsync(string fragment) =>
        Eventually.ValueAsync(() => Telegram.SentTo(Staff).FirstOrDefault(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);

    /// <summary>The first message of the order's topic: the card.</summary>
    public SentMessage? Card(int topic) => Telegram.SentTo(Staff, topic).FirstOrDefault();

    public Task<SentMessage> CardShowingAsync(int topic, string fragment) =>
        Eventually.ValueAsync(() => Card(topic) is { } card && card.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true ? card : null, Timeout);

    public string Buyer(string text) => AliExpress.AddBuyerMessage(OrderId, "buyer_eva", "Eva", text);

    public async ValueTask DisposeAsync()
    {
        await Bridge.DisposeAsync();
        await AliExpress.DisposeAsync();
        await Telegram.DisposeAsync();
        Logs.Dispose();
    }

    private Task<BridgeHost> StartBridgeAsync(string? database)
    {
        var settings = AliExpressEndToEndTests.Settings(AliExpress);
        settings["Marketplace:OrderRefreshInterval"] = Interval;
        var logs = Logs;
        return BridgeHost.StartAsync(Telegram, null, settings, database, b => b.Logging.AddProvider(logs));
    }
}
