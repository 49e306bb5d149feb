using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Bot.Tests.EndToEnd;

/// <summary>The setup most end-to-end tests share: the fake Bot API with the staff forum supergroup, an in-memory
/// marketplace and the real host started against both.</summary>
public sealed class StaffGroupBridge : IAsyncDisposable
{
    public const long Staff = BridgeHost.StaffChatId;
    public const long StaffUser = 5001;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60); // a deadline, not a wait: generous for a loaded CI machine

    private StaffGroupBridge(FakeTelegramServer telegram, InMemoryMarketplace marketplace, BridgeHost bridge)
    {
        Telegram = telegram;
        Marketplace = marketplace;
        Bridge = bridge;
    }

    public FakeTelegramServer Telegram { get; }

    public InMemoryMarketplace Marketplace { get; }

    public BridgeHost Bridge { get; private set; }

    /// <summary>Prepares the fake Bot API (<paramref name="arrange"/> adds chats) before the host starts.</summary>
    public static async Task<StaffGroupBridge> StartAsync(
        IDictionary<string, string?>? settings = null,
        FakeTelegramOptions? telegramOptions = null,
        Action<FakeTelegramServer>? arrange = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var telegram = await FakeTelegramServer.StartAsync(telegramOptions);
        try
        {
            telegram.AddSupergroup(Staff, "Store staff");
            arrange?.Invoke(telegram);
            var marketplace = new InMemoryMarketplace();
            return new StaffGroupBridge(telegram, marketplace, await BridgeHost.StartAsync(telegram, marketplace, settings, configure: configure));
        }
        catch
        {
            await telegram.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the host, then starts a new one on the same fakes (on <paramref name="databasePath"/> if given,
    /// else on a fresh database).</summary>
    public async Task RestartAsync(IDictionary<string, string?>? settings = null, string? databasePath = null, Action? whileStopped = null)
    {
        await Bridge.DisposeAsync();
        whileStopped?.Invoke();
        Bridge = await BridgeHost.StartAsync(Telegram, Marketplace, settings, databasePath);
    }

    /// <summary>The thread of the order's live (not deleted) topic in the staff group, once the bridge posted into it. A
    /// topic is visible as soon as Telegram created it, a moment before the bridge has stored it: staff writing there
    /// in that moment would reach a bridge that does not know the topic yet.</summary>
    public async Task<int> TopicOfAsync(string orderId) =>
        (await Eventually.ValueAsync(() => Telegram.Topics(Staff).FirstOrDefault(t => t.Name.Contains(orderId, StringComparison.Ordinal) && !t.IsDeleted && Telegram.SentTo(Staff, t.ThreadId).Count > 0), Timeout)).ThreadId;

    /// <summary>A buyer writes <paramref name="text"/> about the order; returns the topic once the text is posted there.</summary>
    public async Task<int> TopicWithBuyerMessageAsync(string orderId, string text)
    {
        Marketplace.AddBuyerMessage(orderId, text);
        var topic = await TopicOfAsync(orderId);
        await Eventually.TrueAsync(() => Telegram.SentTo(Staff, topic).Any(m => m.VisibleText?.Contains(text, StringComparison.Ordinal) == true), Timeout);
        return topic;
    }

    public async ValueTask DisposeAsync()
    {
        await Bridge.DisposeAsync();
        await Telegram.DisposeAsync();
    }
}
