using System.Globalization;
using Bot.Core.Marketplace;
using Bot.Core.Outbox;
using Bot.Tests.EndToEnd;
using Bot.Tests.Fakes;
using Bot.Tests.Fakes.Telegram;

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

    public Task<SentMessage> OperatorMessageAsync(string fragment) =>
        Telegram.WaitForItemAsync(() => OperatorMessages.FirstOrDefault(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);

    /// <summary>A buyer writes, staff reply in the topic, and the marketplace rejects the reply for good.</summary>
    public async Task<OutboxItem> MakeDeadLetterAsync(string orderId, string reply)
    {
        Marketplace.AddBuyerMessage(orderId, "Where is my parcel?");
        var topic = (await Telegram.WaitForItemAsync(() => Telegram.Topics(Staff).FirstOrDefault(t => t.Name.Contains(orderId, StringComparison.Ordinal)), Timeout)).ThreadId;
        await Telegram.WaitUntilAsync(() => Telegram.SentTo(Staff, topic).Count >= 2, Timeout);
        Marketplace.FailNextSend(new MarketplaceException(MarketplaceErrorKind.Rejected, "The order is closed for comments"));
        Telegram.EnqueueMessage(Staff, StaffUser, "Sam", reply, threadId: topic);
        var outbox = Bridge.Get<IOutboxRepository>();
        return await EventuallyAsync(async () => await outbox.ListAsync(OutboxStatus.Dead, 10, CancellationToken.None) is [var dead, ..] ? dead : null);
    }

    /// <summary>Polls an asynchronous probe until it returns a value, up to <see cref="Timeout"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException($"Condition not met within {Timeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Bridge.DisposeAsync();
        await Telegram.DisposeAsync();
    }
}
