using System.Text.RegularExpressions;
using Bot.Tests.Fakes;
using Bot.Tests.Fakes.Telegram;
using Bot.Tests.Fakes.Translation;

namespace Bot.Tests.EndToEnd;

/// <summary>Buyers in Telegram through the real host, the fake Bot API and an in-memory marketplace.</summary>
public sealed partial class BuyerEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private const long Staff = BridgeHost.StaffChatId;
    private const long Buyer = 424242;
    private const long Stranger = 666;

    private FakeTelegramServer telegram = null!;
    private FakeHttpServer translator = null!;
    private readonly InMemoryMarketplace marketplace = new();
    private BridgeHost bridge = null!;

    public async Task InitializeAsync()
    {
        telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        telegram.AddPrivateChat(Buyer, "Ana", "es");
        telegram.AddPrivateChat(Stranger, "Mallory");
        // A LibreTranslate-shaped fake that marks every translation with its target language.
        var api = new FakeTranslationApi { Transform = (text, target) => $"[{target}] {text}" };
        translator = await FakeHttpServer.StartAsync(app => app.MapFakeLibreTranslate(api, null));
        bridge = await BridgeHost.StartAsync(telegram, marketplace, LibreTranslateHostSettings.For(translator, "en,es,ru"));
    }

    public async Task DisposeAsync()
    {
        await bridge.DisposeAsync();
        await translator.DisposeAsync();
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
        var invitation = Assert.Single(marketplace.Sent).Text;
        var code = Code().Match(invitation).Groups[1].Value;
        Assert.StartsWith("[es] ", invitation); // the invitation in the buyer's language, the link intact
        Assert.Contains($"https://t.me/{telegram.BotUsername}?start={code}", invitation);

        telegram.EnqueueMessage(Buyer, Buyer, "Ana", "/start " + code, languageCode: "es");
        var welcome = await ToAsync(Buyer, "connected");
        Assert.StartsWith("[es] ", welcome.VisibleText); // replies to the buyer are in the buyer's language, buttons too
        Assert.Contains(welcome.Buttons, b => b.Text.StartsWith("[es] ", StringComparison.Ordinal) && b.CallbackData == "qr:refund");
        await ToAsync(Staff, "linked Telegram", topic);

        telegram.EnqueueMessage(Staff, 5001, "Sam", "Your order ships tomorrow.", threadId: topic);
        var relayed = await ToAsync(Buyer, "[es] Your order ships tomorrow."); // in the buyer's language
        Assert.Contains("Order 60001", relayed.VisibleText);

        telegram.EnqueueMessage(Buyer, Buyer, "Ana", "¡Muchas gracias por la respuesta!");
        await ToAsync(Staff, "[en] ¡Muchas gracias por la respuesta!", topic); // translated for staff
        await telegram.WaitUntilAsync(() => marketplace.Sent.Any(s => s.Text.Contains("[Written by the buyer in Telegram]", StringComparison.Ordinal)), Timeout);

        var quick = welcome.Buttons.First(b => b.CallbackData == "qr:refund");
        telegram.EnqueueCallback(Buyer, welcome.MessageId, Buyer, quick.CallbackData!);
        await ToAsync(Staff, "return this item", topic);

        // A second order: a new message asks which order, and the choice is remembered.
        marketplace.AddBuyerMessage("60002", "¿Y el segundo pedido?");
        await telegram.WaitUntilAsync(() => telegram.Topics(Staff).Count == 2, Timeout);
        await using (var session = await Bot.Core.Storage.DbSession.BeginAsync(bridge.Get<Bot.Core.Storage.IDbConnectionFactory>(), CancellationToken.None))
        {
            await Dapper.SqlMapper.ExecuteAsync(session.Connection, "UPDATE buyer_links SET current_conversation_id = NULL", transaction: session.Transaction);
            await session.CommitAsync(CancellationToken.None);
        }

        telegram.EnqueueMessage(Buyer, Buyer, "Ana", "¿Cuándo llega?");
        var question = await telegram.WaitForItemAsync(() => telegram.SentTo(Buyer).LastOrDefault(m => m.Buttons.Any(b => b.Text == "#60002")), Timeout);
        telegram.EnqueueCallback(Buyer, question.MessageId, Buyer, question.Buttons.Single(b => b.Text == "#60002").CallbackData!);
        await telegram.WaitUntilAsync(() => marketplace.Sent.Any(s => s.ConversationId == "60002" && s.Text.Contains("¿Cuándo llega?", StringComparison.Ordinal)), Timeout);

        telegram.EnqueueMessage(Stranger, Stranger, "Mallory", "/start " + code);
        telegram.EnqueueMessage(Stranger, Stranger, "Mallory", "post this");
        await ToAsync(Stranger, "already been used");
        await ToAsync(Stranger, "invitation link the store posted");
        Assert.DoesNotContain(marketplace.Sent, s => s.Text.Contains("post this", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"start=([A-Za-z0-9_-]{22})")]
    private static partial Regex Code();
}
