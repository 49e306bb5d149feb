using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Tests.EndToEnd;

namespace Bot.Tests.Stores;

/// <summary>One store of a deployment: its own bot and staff group (a fake Bot API), its own seller account (a fake
/// AliExpress gateway) and its own bridge, on the database it is given.</summary>
internal sealed class StoreRig : IAsyncDisposable
{
    public const long Staff = BridgeHost.StaffChatId;
    public const long StaffUser = 5001;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly bool ownsTelegram;

    private StoreRig(string id, FakeTelegramServer telegram, FakeAliExpressServer aliexpress, Dictionary<string, string?> settings, long staffChat, bool ownsTelegram)
    {
        Id = id;
        Telegram = telegram;
        AliExpress = aliexpress;
        Settings = settings;
        StaffChat = staffChat;
        this.ownsTelegram = ownsTelegram;
    }

    /// <summary>The store's staff group: <see cref="Staff"/> on a bot of its own.</summary>
    public long StaffChat { get; }

    public string Id { get; }

    public FakeTelegramServer Telegram { get; }

    public FakeAliExpressServer AliExpress { get; }

    public Dictionary<string, string?> Settings { get; }

    public BridgeHost? Bridge { get; private set; }

    /// <summary>The fakes and the settings of store <paramref name="id"/> on <paramref name="database"/>; its bridge is
    /// not started (<see cref="StartAsync"/>).</summary>
    public static async Task<StoreRig> CreateAsync(string id, long botId, string database)
    {
        var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { BotUserId = botId, RateLimitsEnabled = false });
        telegram.AddSupergroup(Staff, $"Staff of {id}");
        return await CreateAsync(id, database, telegram, Staff, ownsTelegram: true);
    }

    /// <summary>Store <paramref name="id"/> on a bot another store uses too (<paramref name="telegram"/>, which it does not
    /// stop), with its own staff group <paramref name="staffChat"/>, made in the fake here.</summary>
    public static Task<StoreRig> CreateOnBotAsync(string id, string database, FakeTelegramServer telegram, long staffChat)
    {
        telegram.AddSupergroup(staffChat, $"Staff of {id}");
        return CreateAsync(id, database, telegram, staffChat, ownsTelegram: false);
    }

    private static async Task<StoreRig> CreateAsync(string id, string database, FakeTelegramServer telegram, long staffChat, bool ownsTelegram)
    {
        var aliexpress = await FakeAliExpressServer.StartAsync();
        var settings = AliExpressEndToEndTests.Settings(aliexpress);
        settings["ConnectionStrings:Bridge"] = database;
        settings["Store:Id"] = id;
        settings["Telegram:StaffChatId"] = staffChat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new StoreRig(id, telegram, aliexpress, settings, staffChat, ownsTelegram);
    }

    public async Task<BridgeHost> StartAsync()
    {
        Bridge = await BridgeHost.StartAsync(Telegram, null, Settings);
        return Bridge;
    }

    /// <summary>Stops the store's bridge, as an operator stops its process; <see cref="StartAsync"/> starts it again.</summary>
    public async Task StopAsync()
    {
        if (Bridge is { } bridge)
        {
            Bridge = null;
            await bridge.DisposeAsync();
        }
    }

    /// <summary>The topic the buyer's message of <paramref name="order"/> reached, once it did.</summary>
    public async Task<int> TopicOfAsync(string order, string text)
    {
        AliExpress.AddBuyerMessage(order, "buyer_" + order, "Buyer " + order, text);
        var post = await Eventually.ValueAsync(() => Telegram.SentTo(StaffChat).FirstOrDefault(m => m.VisibleText?.Contains(text, StringComparison.Ordinal) == true), Timeout);
        return post.ThreadId!.Value;
    }

    public async Task<string> PageAsync(string path)
    {
        using var http = new HttpClient();
        return await http.GetStringAsync(Bridge!.Url + path);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await AliExpress.DisposeAsync();
        if (ownsTelegram)
        {
            await Telegram.DisposeAsync();
        }
    }
}
