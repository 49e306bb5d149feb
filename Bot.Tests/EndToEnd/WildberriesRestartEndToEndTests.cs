using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Testing.Wildberries;

namespace Bot.Tests.EndToEnd;

/// <summary>A staff file waiting to be posted when the bridge restarts: the Wildberries adapter held it in memory, so the
/// delivery fetches it from Telegram again by its file id and posts it.</summary>
public sealed class WildberriesRestartEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly byte[] Pdf = "%PDF-1.7\n%%EOF"u8.ToArray();
    private const long Staff = BridgeHost.StaffChatId;
    private const string Chat = "1:5e6f7a8b-9c0d-1e2f-3a4b-5c6d7e8f9a0b";

    private FakeTelegramServer telegram = null!;
    private FakeWildberriesServer wildberries = null!;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        wildberries = await FakeWildberriesServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await wildberries.DisposeAsync();
        await telegram.DisposeAsync();
    }

    [Fact]
    public async Task StaffPdfPendingAcrossARestart_IsFetchedFromTelegramAgain_AndPostedOnce()
    {
        var settings = WildberriesEndToEndTests.Settings(wildberries);
        settings["Relay:RetryBaseDelay"] = "00:00:01";
        var first = await BridgeHost.StartAsync(telegram, null, settings);
        wildberries.AddBuyerMessage(Chat, "Olga", "The invoice, please");
        var topic = (await Eventually.ValueAsync(() => telegram.SentTo(Staff).FirstOrDefault(m => m.VisibleText?.Contains("The invoice", StringComparison.Ordinal) == true), Timeout)).ThreadId!.Value;

        // Wildberries is down: the file is prepared (held by the adapter) but not posted when the bridge stops.
        wildberries.FailNext("message", 503, times: 1000);
        var reply = telegram.EnqueueDocument(Staff, 5001, "Sam", Pdf, "invoice-9.pdf", "application/pdf", caption: "Here it is.", threadId: topic);
        await Eventually.TrueAsync(() => wildberries.CallCount("message") >= 1, Timeout);
        await first.DisposeAsync();
        wildberries.ClearFaults("message");
        var downloads = telegram.CallCount("getFile");

        await using var second = await BridgeHost.StartAsync(telegram, null, settings, databasePath: first.DatabasePath);

        await Eventually.TrueAsync(() => telegram.Reactions(Staff, reply).Contains("👍"), Timeout);
        var sent = wildberries.Sent;
        Assert.Equal(2, sent.Count);
        var file = Assert.Single(sent[0].Files);
        Assert.Equal(("invoice-9.pdf", "application/pdf"), (file.Name, file.ContentType));
        Assert.Equal(Pdf, file.Data);
        Assert.Equal("Here it is.", sent[1].Text);
        Assert.True(telegram.CallCount("getFile") > downloads); // fetched from Telegram again
        Assert.DoesNotContain(telegram.SentTo(Staff, topic), m => m.VisibleText?.Contains("send it again", StringComparison.Ordinal) == true);
    }
}
