using Bot.Tests.Fakes;
using Bot.Tests.Fakes.Telegram;

namespace Bot.Tests.EndToEnd;

/// <summary>The real host keeps within the limits the fake Bot API enforces like Telegram does.</summary>
public sealed class TelegramLimitsEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private const long Staff = BridgeHost.StaffChatId;

    private FakeTelegramServer telegram = null!;
    private readonly InMemoryMarketplace marketplace = new();
    private BridgeHost bridge = null!;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        bridge = await BridgeHost.StartAsync(telegram, marketplace);
    }

    public async Task DisposeAsync()
    {
        await bridge.DisposeAsync();
        await telegram.DisposeAsync();
    }

    [Fact]
    public async Task BuyerWithAVeryLongName_GetsATopicNamedWithin128Characters()
    {
        marketplace.AddBuyerMessage("72001", "Hello", buyerName: string.Concat(Enumerable.Repeat("Maximilian Alexander ", 20)));

        var topic = await telegram.WaitForItemAsync(() => telegram.Topics(Staff).FirstOrDefault(), Timeout);
        await telegram.WaitUntilAsync(() => telegram.SentTo(Staff, topic.ThreadId).Any(m => m.VisibleText == "Hello" || m.VisibleText?.EndsWith("Hello", StringComparison.Ordinal) == true), Timeout);

        Assert.InRange(topic.Name.Length, 1, 128);
        Assert.Contains("72001", topic.Name, StringComparison.Ordinal);
    }
}
