using System.Globalization;
using System.Runtime.CompilerServices;
using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;

namespace Bot.Tests.Operations;

/// <summary>The real host against the fake Bot API with an operator chat and short operation bounds.</summary>
public sealed class OperatorsFixture : IAsyncDisposable
{
    public const long Staff = BridgeHost.StaffChatId;
    public const long OperatorChat = -1003000000003;
    public const long Operator = 111;
    public const long StaffUser = 5001;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60); // a deadline, not a wait: generous for a loaded CI machine

    private OperatorsFixture(FakeTelegramServer telegram, InMemoryMarketplace marketplace, BridgeHost bridge, HttpClient http)
    {
        Telegram = telegram;
        Marketplace = marketplace;
        Bridge = bridge;
        Http = http;
    }

    public FakeTelegramServer Telegram { get; }

    public InMemoryMarketplace Marketplace { get; }

    public BridgeHost Bridge { get; }

    public HttpClient Http { get; }

    public static async Task<OperatorsFixture> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        telegram.AddSupergroup(OperatorChat, "Operators", forum: false);
        var marketplace = new InMemoryMarketplace();
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:OperatorChatId"] = OperatorChat.ToString(CultureInfo.InvariantCulture),
            ["Telegram:OperatorIds"] = $"{Operator}, 222",
            ["Operations:AlertCheckInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var bridge = await BridgeHost.StartAsync(telegram, marketplace, settings);
        return new OperatorsFixture(telegram, marketplace, bridge, new HttpClient { BaseAddress = new Uri(bridge.Url) });
    }

    public IReadOnlyList<SentMessage> OperatorMessages => Telegram.SentTo(OperatorChat);

    /// <summary>Reads <paramref name="path"/> (the status page, /metrics) until its text satisfies <paramref name="condition"/>.</summary>
    public Task<string> PageWhenAsync(string path, Func<string, bool> condition, [CallerArgumentExpression(nameof(condition))] string what = "") =>
        Eventually.ValueAsync(
            async () =>
            {
                var page = await Http.GetStringAsync(new Uri(path, UriKind.Relative));
                return condition(page) ? page : null;
            },
            Timeout,
            $"{path}: {what}");

    public Task<SentMessage> OperatorMessageAsync(string fragment) =>
        Eventually.ValueAsync(() => OperatorMessages.FirstOrDefault(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);

    /// <summary>A buyer writes, staff reply in the topic, and the marketplace rejects the reply for good.</summary>
    public async Task<OutboxItem> MakeDeadLetterAsync(string orderId, string reply)
    {
        Marketplace.AddBuyerMessage(orderId, "Where is my parcel?");
        var topic = (await Eventually.ValueAsync(() => Telegram.Topics(Staff).FirstOrDefault(t => t.Name.Contains(orderId, StringComparison.Ordinal)), Timeout)).ThreadId;
        await Eventually.TrueAsync(() => Telegram.SentTo(Staff, topic).Count >= 1, Timeout); // the card with the message under it
        Marketplace.FailNextSend(new MarketplaceException(MarketplaceErrorKind.Rejected, "The order is closed for comments"));
        Telegram.EnqueueMessage(Staff, StaffUser, "Sam", reply, threadId: topic);
        var outbox = Bridge.Get<IOutboxRepository>();
        return await Eventually.ValueAsync(async () => await outbox.ListAsync(OutboxStatus.Dead, 10, CancellationToken.None) is [var dead, ..] ? dead : null, Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Bridge.DisposeAsync();
        await Telegram.DisposeAsync();
    }
}
