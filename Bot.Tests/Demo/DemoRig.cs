using System.Globalization;
using Bot.Core.Conversations;
using Bot.Marketplace.Demo;
using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Testing.Translation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Demo;

/// <summary>The real host with <c>Marketplace__Provider=Demo</c> against the fake Bot API and a LibreTranslate-shaped
/// fake translator ("&lt;en&gt; text"), with no AliExpress setting at all. One buyer an hour, so a test sees exactly
/// the buyers it makes time for.</summary>
public sealed class DemoRig : IAsyncDisposable
{
    public const long Staff = BridgeHost.StaffChatId;
    public const long StaffUser = 5001;
    public const long OperatorChat = -1003000000003;
    public const long Operator = 111;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60); // a deadline, not a wait

    private readonly LoopbackServer translator;

    private DemoRig(FakeTelegramServer telegram, LoopbackServer translator, BridgeHost bridge, int seed)
    {
        Telegram = telegram;
        this.translator = translator;
        Bridge = bridge;
        Seed = seed;
    }

    public FakeTelegramServer Telegram { get; }

    public BridgeHost Bridge { get; private set; }

    public int Seed { get; }

    /// <summary>The first seed whose first buyer writes about an order in a language other than English.</summary>
    public static int OrderSeed { get; } = Enumerable.Range(1, 1000)
        .First(seed => Script(seed).Conversation(0) is { Kind: ConversationKind.Order, Language: not "en" });

    internal static DemoScript Script(int seed) => new(Options.Create(new DemoOptions { Seed = seed }));

    internal DemoConversation Buyer(int index) => Script(Seed).Conversation(index);

    public static async Task<DemoRig> StartAsync(int seed, IDictionary<string, string?>? overrides = null)
    {
        var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        telegram.AddSupergroup(OperatorChat, "Operators", forum: false);
        var api = new FakeTranslationApi { Transform = (text, target) => $"<{target}> {text}" };
        var translator = await LoopbackServer.StartAsync(app => app.MapFakeLibreTranslate(api, null));
        var rig = new DemoRig(telegram, translator, null!, seed);
        rig.Bridge = await rig.StartBridgeAsync(overrides, null, null);
        return rig;
    }

    /// <summary>Stops the host and starts a new one on the same database, whose clock is <paramref name="later"/> ahead.</summary>
    public async Task RestartAsync(TimeSpan later)
    {
        var path = Bridge.DatabasePath;
        await Bridge.DisposeAsync();
        Bridge = await StartBridgeAsync(null, path, b => b.Services.AddSingleton<TimeProvider>(new OffsetTimeProvider(TimeProvider.System, later)));
    }

    /// <summary>The settings that remove every AliExpress setting the shared host settings carry.</summary>
    public static Dictionary<string, string?> WithoutAliExpress(string provider) => new()
    {
        ["Marketplace:Provider"] = provider,
        ["Marketplace:AliExpress:AppKey"] = null,
        ["Marketplace:AliExpress:AppSecret"] = null,
        ["Marketplace:AliExpress:AccessToken"] = null,
        ["Marketplace:AliExpress:SellerLoginId"] = null,
        ["Marketplace:AliExpress:PollInterval"] = null,
    };

    internal async Task<int> TopicOfAsync(DemoConversation buyer) =>
        (await Eventually.ValueAsync(() => Telegram.Topics(Staff).FirstOrDefault(t => t.Name.Contains(buyer.BuyerName, StringComparison.Ordinal) && Telegram.SentTo(Staff, t.ThreadId).Count > 0), Timeout)).ThreadId;

    public Task<SentMessage> PostedAsync(int topic, string fragment) =>
        Eventually.ValueAsync(() => Telegram.SentTo(Staff, topic).FirstOrDefault(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);

    public int CountIn(int topic, string fragment) =>
        Telegram.SentTo(Staff, topic).Count(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true);

    public async ValueTask DisposeAsync()
    {
        await Bridge.DisposeAsync();
        await translator.DisposeAsync();
        await Telegram.DisposeAsync();
    }

    private Task<BridgeHost> StartBridgeAsync(IDictionary<string, string?>? overrides, string? databasePath, Action<WebApplicationBuilder>? configure)
    {
        var settings = WithoutAliExpress("Demo");
        foreach (var (key, value) in LibreTranslateHostSettings.For(translator, "en,ru,es,pt,fr,de,pl,tr,uk,ar"))
        {
            settings[key] = value;
        }

        settings["Demo:Seed"] = Seed.ToString(CultureInfo.InvariantCulture);
        settings["Demo:NewConversationEvery"] = "01:00:00";
        settings["Demo:ReplyDelay"] = "00:00:00";
        settings["Demo:PollInterval"] = "00:00:00.200";
        settings["Telegram:OperatorChatId"] = OperatorChat.ToString(CultureInfo.InvariantCulture);
        settings["Telegram:OperatorIds"] = Operator.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return BridgeHost.StartAsync(Telegram, null, settings, databasePath, configure);
    }
}
