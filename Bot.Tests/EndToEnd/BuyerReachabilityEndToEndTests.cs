using System.Text.RegularExpressions;
using Bot.Tests.Fakes;
using Bot.Tests.Fakes.Telegram;
using Dapper;

namespace Bot.Tests.EndToEnd;

/// <summary>A linked buyer through the real host and the fake Bot API: blocking the bot, coming back, and the buyer's
/// own words never echoed back to them.</summary>
public sealed partial class BuyerReachabilityEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private const long Staff = BridgeHost.StaffChatId;
    private const long Buyer = 434343;

    private FakeTelegramServer telegram = null!;
    private readonly InMemoryMarketplace marketplace = new();
    private BridgeHost bridge = null!;
    private int topic;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        telegram.AddPrivateChat(Buyer, "Ana", "en");
        bridge = await BridgeHost.StartAsync(telegram, marketplace);
        marketplace.AddBuyerMessage("64001", "Where is my order?");
        topic = (await telegram.WaitForItemAsync(() => telegram.Topics(Staff).FirstOrDefault(), Timeout)).ThreadId;
        var invite = telegram.EnqueueMessage(Staff, 5001, "Sam", "/invite", threadId: topic);
        await telegram.WaitUntilAsync(() => telegram.Reactions(Staff, invite).Count > 0, Timeout);
        telegram.EnqueueMessage(Buyer, Buyer, "Ana", "/start " + Code().Match(marketplace.Sent.Single().Text).Groups[1].Value);
        await ToAsync(Buyer, "connected");
    }

    public async Task DisposeAsync()
    {
        await bridge.DisposeAsync();
        await telegram.DisposeAsync();
    }

    private Task<SentMessage> ToAsync(long chat, string fragment, int? thread = null) =>
        telegram.WaitForItemAsync(() => telegram.SentTo(chat, thread).FirstOrDefault(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);

    private long Outbox(string status)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={bridge.DatabasePath}");
        connection.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE status = @status", new { status });
    }

    [Fact]
    public async Task BuyerWhoBlockedTheBot_StaffAreToldOnce_NothingIsRetried_AndComingBackResumes()
    {
        telegram.BlockBot(Buyer);
        telegram.EnqueueMessage(Staff, 5001, "Sam", "First answer while blocked", threadId: topic);
        telegram.EnqueueMessage(Staff, 5001, "Sam", "Second answer while blocked", threadId: topic);
        telegram.EnqueueMessage(Staff, 5001, "Sam", "Third answer while blocked", threadId: topic);

        await ToAsync(Staff, "blocked the bot", topic);
        await telegram.WaitUntilAsync(() => marketplace.Sent.Count(s => s.Text.Contains("while blocked", StringComparison.Ordinal)) == 3, Timeout);
        await telegram.WaitUntilAsync(() => Outbox("pending") == 0, Timeout);
        Assert.Equal(0, Outbox("dead"));
        Assert.Single(telegram.SentTo(Staff, topic), m => m.VisibleText?.Contains("blocked the bot", StringComparison.Ordinal) == true);

        telegram.EnqueueMessage(Buyer, Buyer, "Ana", "/start");
        await ToAsync(Staff, "back in Telegram", topic);
        telegram.EnqueueMessage(Staff, 5001, "Sam", "Welcome back", threadId: topic);
        await ToAsync(Buyer, "Welcome back");
    }

    [Fact]
    public async Task BuyersOwnTelegramMessage_IsNotSentBackToThem()
    {
        telegram.EnqueueMessage(Buyer, Buyer, "Ana", "Please pack it carefully");
        await telegram.WaitUntilAsync(() => marketplace.Sent.Any(s => s.Text.Contains("Please pack it carefully", StringComparison.Ordinal)), Timeout);
        await ToAsync(Staff, "Please pack it carefully", topic);

        // The echo of the posted comment comes back through the poller; a later answer is delivered after it.
        telegram.EnqueueMessage(Staff, 5001, "Sam", "Packed with care", threadId: topic);
        await ToAsync(Buyer, "Packed with care");

        Assert.DoesNotContain(telegram.SentTo(Buyer), m => m.VisibleText?.Contains("Please pack it carefully", StringComparison.Ordinal) == true);
    }

    [GeneratedRegex(@"start=([A-Za-z0-9_-]{22})")]
    private static partial Regex Code();
}
