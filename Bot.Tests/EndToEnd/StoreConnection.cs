using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.EndToEnd;

/// <summary>The real host with the real AliExpress adapter and an operator chat, started with only the app key and
/// secret (no token), against the fake Bot API and a fake AliExpress server whose tokens live seconds.</summary>
internal sealed partial class StoreConnection : IAsyncDisposable
{
    public const long Staff = BridgeHost.StaffChatId;
    public const long OperatorChat = -1003000000003;
    public const long Operator = 111;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private StoreConnection(FakeTelegramServer telegram, FakeAliExpressServer aliexpress, string database, Dictionary<string, string?> settings)
    {
        Telegram = telegram;
        AliExpress = aliexpress;
        Database = database;
        Settings = settings;
    }

    public FakeTelegramServer Telegram { get; }

    public FakeAliExpressServer AliExpress { get; }

    public BridgeHost Bridge { get; private set; } = null!;

    public string Database { get; }

    public Dictionary<string, string?> Settings { get; }

    public static async Task<StoreConnection> StartAsync(FakeAliExpressServerOptions? fake = null, IDictionary<string, string?>? overrides = null)
    {
        var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        telegram.AddSupergroup(OperatorChat, "Operators", forum: false);
        var aliexpress = await FakeAliExpressServer.StartAsync(fake);
        var settings = AliExpressEndToEndTests.Settings(aliexpress);
        settings["Marketplace:AliExpress:AccessToken"] = "";
        settings["Marketplace:AliExpress:CallbackUrl"] = "https://bridge.example.com/aliexpress/callback";
        settings["Marketplace:AliExpress:RefreshRetry"] = "00:00:00.200";
        settings["Telegram:OperatorChatId"] = OperatorChat.ToString(CultureInfo.InvariantCulture);
        settings["Telegram:OperatorIds"] = Operator.ToString(CultureInfo.InvariantCulture);
        settings["Operations:AlertCheckInterval"] = "00:00:00.100";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var database = Path.Combine(Directory.CreateTempSubdirectory("store-connection-").FullName, "bridge.db");
        var connection = new StoreConnection(telegram, aliexpress, database, settings);
        await connection.StartBridgeAsync();
        return connection;
    }

    public async Task StartBridgeAsync() => Bridge = await BridgeHost.StartAsync(Telegram, null, Settings, Database);

    public async Task StopBridgeAsync() => await Bridge.DisposeAsync();

    public IReadOnlyList<SentMessage> OperatorMessages => Telegram.SentTo(OperatorChat);

    public Task<SentMessage> OperatorMessageAsync(string fragment, int after = 0) =>
        Eventually.ValueAsync(() => OperatorMessages.Skip(after).FirstOrDefault(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);

    /// <summary>An operator sends <paramref name="text"/>; returns the bridge's answer that contains <paramref name="expect"/>.</summary>
    public async Task<SentMessage> OperatorSaysAsync(string text, string expect)
    {
        var before = OperatorMessages.Count;
        Telegram.EnqueueMessage(OperatorChat, Operator, "Olga", text);
        return await OperatorMessageAsync(expect, before);
    }

    /// <summary>The <c>state</c> of the authorization link in a /connect answer.</summary>
    public static string StateOf(SentMessage answer) => StateParameter().Match(answer.Text ?? "").Groups[1].Value;

    /// <summary>A buyer writes and the message reaches the staff chat: the bridge holds a token the platform accepts.</summary>
    public async Task RelaysABuyerMessageAsync(string orderId)
    {
        AliExpress.AddBuyerMessage(orderId, "buyer_" + orderId, "Ana", "Is order " + orderId + " shipped?");
        await Eventually.TrueAsync(
            () => Telegram.SentTo(Staff).Any(m => m.VisibleText?.Contains("Is order " + orderId, StringComparison.Ordinal) == true), Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await Bridge.DisposeAsync();
        await AliExpress.DisposeAsync();
        await Telegram.DisposeAsync();
    }

    [GeneratedRegex("state=([0-9a-f]{32})")]
    private static partial Regex StateParameter();
}
