using System.Text.RegularExpressions;
using Bot.Tests.Fakes;
using Bot.Tests.Fakes.Telegram;

namespace Bot.Tests.EndToEnd;

/// <summary>Buyers in Telegram through the real host, the fake Bot API and an in-memory marketplace.</summary>
public sealed partial class BuyerEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private const long Staff = BridgeHost.StaffChatId;
    private const long Buyer = 424242;
    private const long Stranger = 666;

    private FakeTelegramServer telegram = null!;
    private readonly InMemoryMarketplace marketplace = new();
    private BridgeHost bridge = null!;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        telegram.AddPrivateChat(Buyer, "Ana", "es");
        telegram.AddPrivateChat(Stranger, "Mallory");
        bridge = await BridgeHost.StartAsync(telegram, marketplace);
    }

    public async Task DisposeAsync()
    {
        await bridge.DisposeAsync();
        await telegram.DisposeAsync();
    }

    private Task<SentMessage> ToAsync(long chat, string fragment, int? topic = null) =>
        telegram.WaitForItemAsync(() => telegram.SentTo(chat, topic).FirstOrDefault(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);

    [Fact]
    public async Task InviteLinkReplyAndQuickReply_WorkEndToEnd_AndStrangersAreRefused()
    {
        marketplace.AddBuyerMessage("60001", "¿Dónde está mi pedido?");
        var topic = (await telegram.WaitForItemAsync(() => telegram.Topics(Staff).FirstOrDefault(), Timeout)).ThreadId;

        // The button under the order card does what /invite does.
        var card = await telegram.WaitForItemAsync(() => telegram.SentTo(Staff, topic).FirstOrDefault(m => m.Buttons.Any(b => b.CallbackData == "invite")), Timeout);
        telegram.EnqueueCallback(Staff, card.MessageId, 5001, "invite");
        await ToAsync(Staff, "Invitation posted to the buyer", topic);
        var code = Code().Match(Assert.Single(marketplace.Sent).Text).Groups[1].Value;
        Assert.Contains($"https://t.me/{telegram.BotUsername}?start={code}", marketplace.Sent.Single().Text);

        telegram.EnqueueMessage(Buyer, Buyer, "Ana", "/start " + code, languageCode: "es");
        var welcome = await ToAsync(Buyer, "connected");
        Assert.NotEmpty(welcome.Buttons);
        await ToAsync(Staff, "linked Telegram", topic);

        telegram.EnqueueMessage(Staff, 5001, "Sam", "Your order ships tomorrow.", threadId: topic);
        await ToAsync(Buyer, "Your order ships tomorrow.");

        telegram.EnqueueMessage(Buyer, Buyer, "Ana", "¡Gracias!");
        await ToAsync(Staff, "¡Gracias!", topic);
        await telegram.WaitUntilAsync(() => marketplace.Sent.Any(s => s.Text.Contains("[Written by the buyer in Telegram]", StringComparison.Ordinal)), Timeout);

        var quick = welcome.Buttons.First(b => b.CallbackData == "qr:refund");
        telegram.EnqueueCallback(Buyer, welcome.MessageId, Buyer, quick.CallbackData!);
        await ToAsync(Staff, "return this item", topic);

        telegram.EnqueueMessage(Stranger, Stranger, "Mallory", "/start " + code);
        telegram.EnqueueMessage(Stranger, Stranger, "Mallory", "post this");
        await ToAsync(Stranger, "already been used");
        await ToAsync(Stranger, "invitation link the store posted");
        Assert.DoesNotContain(marketplace.Sent, s => s.Text.Contains("post this", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"start=([A-Za-z0-9_-]{22})")]
    private static partial Regex Code();
}
