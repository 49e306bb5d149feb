using System.Text.RegularExpressions;
using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Translation;

namespace Bot.Tests.EndToEnd;

/// <summary>Buyers in Telegram through the real host, the fake Bot API and an in-memory Marketplace.</summary>
public sealed partial class BuyerEndToEndTests : StaffGroupTests
{
    private const long Buyer = 424242;
    private const long Stranger = 666;

    private LoopbackServer? translator;

    protected override async Task<StaffGroupBridge> StartAsync()
    {
        // A LibreTranslate-shaped fake that marks every translation with its target language.
        var api = new FakeTranslationApi { Transform = (text, target) => $"[{target}] {text}" };
        translator = await LoopbackServer.StartAsync(app => app.MapFakeLibreTranslate(api, null));
        return await StaffGroupBridge.StartAsync(LibreTranslateHostSettings.For(translator, "en,es,ru"), arrange: t =>
        {
            t.AddPrivateChat(Buyer, "Ana", "es");
            t.AddPrivateChat(Stranger, "Mallory");
        });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (translator is not null)
        {
            await translator.DisposeAsync();
        }
    }

    private Task<SentMessage> ToAsync(long chat, string fragment, int? topic = null) =>
        Eventually.ValueAsync(() => Telegram.SentTo(chat, topic).FirstOrDefault(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);

    [Fact]
    public async Task InviteLinkReplyAndQuickReply_WorkEndToEnd_AndStrangersAreRefused()
    {
        Marketplace.AddBuyerMessage("60001", "¿Dónde está mi pedido?");
        var topic = (await Eventually.ValueAsync(() => Telegram.Topics(Staff).FirstOrDefault(t => Telegram.SentTo(Staff, t.ThreadId).Count > 0), Timeout)).ThreadId;

        // The button under the order card does what /invite does.
        var card = await Eventually.ValueAsync(() => Telegram.SentTo(Staff, topic).FirstOrDefault(m => m.Buttons.Any(b => b.CallbackData == "invite")), Timeout);
        Telegram.EnqueueCallback(Staff, card.MessageId, 5001, "invite");
        await ToAsync(Staff, "Invitation posted to the buyer", topic);
        var invitation = Assert.Single(Marketplace.Sent).Text;
        var code = Code().Match(invitation).Groups[1].Value;
        Assert.StartsWith("[es] ", invitation); // the invitation in the buyer's language, the link intact
        Assert.Contains($"https://t.me/{Telegram.BotUsername}?start={code}", invitation);

        Telegram.EnqueueMessage(Buyer, Buyer, "Ana", "/start " + code, languageCode: "es");
        var welcome = await ToAsync(Buyer, "connected");
        Assert.StartsWith("[es] ", welcome.VisibleText); // replies to the buyer are in the buyer's language, buttons too
        Assert.Contains(welcome.Buttons, b => b.Text.StartsWith("[es] ", StringComparison.Ordinal) && b.CallbackData == "qr:refund");
        await ToAsync(Staff, "linked Telegram", topic);

        Telegram.EnqueueMessage(Staff, 5001, "Sam", "Your order ships tomorrow.", threadId: topic);
        var relayed = await ToAsync(Buyer, "[es] Your order ships tomorrow."); // in the buyer's language
        Assert.Contains("Order 60001", relayed.VisibleText);

        Telegram.EnqueueMessage(Buyer, Buyer, "Ana", "¡Muchas gracias por la respuesta!");
        await ToAsync(Staff, "[en] ¡Muchas gracias por la respuesta!", topic); // translated for staff
        await Eventually.TrueAsync(() => Marketplace.Sent.Any(s => s.Text.Contains("[Written by the buyer in Telegram]", StringComparison.Ordinal)), Timeout);

        var quick = welcome.Buttons.First(b => b.CallbackData == "qr:refund");
        Telegram.EnqueueCallback(Buyer, welcome.MessageId, Buyer, quick.CallbackData!);
        await ToAsync(Staff, "return this item", topic);

        // A second order: a new message asks which order, and the choice is remembered.
        Marketplace.AddBuyerMessage("60002", "¿Y el segundo pedido?");
        await Eventually.TrueAsync(() => Telegram.Topics(Staff).Count == 2, Timeout);
        await using (var session = await Bot.Core.Storage.DbSession.BeginAsync(Bridge.Get<Bot.Core.Storage.IDbConnectionFactory>(), CancellationToken.None))
        {
            await Dapper.SqlMapper.ExecuteAsync(session.Connection, "UPDATE buyer_links SET current_conversation_id = NULL", transaction: session.Transaction);
            await session.CommitAsync(CancellationToken.None);
        }

        Telegram.EnqueueMessage(Buyer, Buyer, "Ana", "¿Cuándo llega?");
        var question = await Eventually.ValueAsync(() => Telegram.SentTo(Buyer).LastOrDefault(m => m.Buttons.Any(b => b.Text == "#60002")), Timeout);
        Telegram.EnqueueCallback(Buyer, question.MessageId, Buyer, question.Buttons.Single(b => b.Text == "#60002").CallbackData!);
        await Eventually.TrueAsync(() => Marketplace.Sent.Any(s => s.ConversationId == "60002" && s.Text.Contains("¿Cuándo llega?", StringComparison.Ordinal)), Timeout);

        Telegram.EnqueueMessage(Stranger, Stranger, "Mallory", "/start " + code);
        Telegram.EnqueueMessage(Stranger, Stranger, "Mallory", "post this");
        await ToAsync(Stranger, "already been used");
        await ToAsync(Stranger, "invitation link the store posted");
        Assert.DoesNotContain(Marketplace.Sent, s => s.Text.Contains("post this", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"start=([A-Za-z0-9_-]{22})")]
    private static partial Regex Code();
}
