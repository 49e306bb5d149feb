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

    private StoreRig(string id, FakeTelegramServer telegram, FakeAliExpressServer aliexpress, Dictionary<string, string?> settings)
    {
        Id = id;
        Telegram = telegram;
        AliExpress = aliexpress;
        Settings = settings;
    }

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
        var aliexpress = await FakeAliExpressServer.StartAsync();
        var settings = AliExpressEndToEndTests.Settings(aliexpress);
        settings["ConnectionStrings:Bridge"] = database;
        settings["Store:Id"] = id;
        return new StoreRig(id, telegram, aliexpress, settings);
    }

    public async Task<BridgeHost> StartAsync()
    {
        Bridge = await BridgeHost.StartAsync(Telegram, null, Settings);
        return Bridge;
    }

    /// <summary>The topic the buyer's message of <paramref name="order"/> reached, once it did.</summary>
    public async Task<int> TopicOfAsync(string order, string text)
    {
        AliExpress.AddBuyerMessage(order, "buyer_" + order, "Buyer " + order, text);
        var post = await Eventually.ValueAsync(() => Telegram.SentTo(Staff).FirstOrDefault(m => m.VisibleText?.Contains(text, StringComparison.Ordinal) == true), Timeout);
        return post.ThreadId!.Value;
    }

    public async Task<string> PageAsync(string path)
    {
        using var http = new HttpClient();
        return await http.GetStringAsync(Bridge!.Url + path);
    }

    public async ValueTask DisposeAsync()
    {
        if (Bridge is not null)
        {
            await Bridge.DisposeAsync();
        }

        await AliExpress.DisposeAsync();
        await Telegram.DisposeAsync();
    }
}
