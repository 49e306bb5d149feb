using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Testing.Wildberries;

namespace Bot.Tests.EndToEnd.OrderCards;

/// <summary>The card's "invite the buyer to Telegram" button follows the marketplace's capability: none on a Wildberries
/// card (whose rules forbid it), neither when the card is posted nor after a claim edits it; one on an AliExpress card.</summary>
public sealed class CardInviteButtonEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const long Staff = BridgeHost.StaffChatId;
    private const string Chat = "1:7c9e6679-7425-40de-944b-e07fc1f90ae7";

    [Fact]
    public async Task WildberriesCard_HasNoInviteButton_EvenAfterAClaimEditsIt()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        telegram.AddSupergroup(Staff, "Store staff");
        await using var wildberries = await FakeWildberriesServer.StartAsync();
        await using var bridge = await BridgeHost.StartAsync(telegram, null, WildberriesEndToEndTests.Settings(wildberries));
        wildberries.AddBuyerMessage(Chat, "Anna", "The sleeve came torn", rid: "98765.0.0", nmId: 555);
        var topic = (await Eventually.ValueAsync(
            () => telegram.SentTo(Staff).FirstOrDefault(m => m.VisibleText?.Contains("sleeve came torn", StringComparison.Ordinal) == true), Timeout)).ThreadId!.Value;
        var card = telegram.SentTo(Staff, topic)[0];
        Assert.Contains(card.Buttons, b => b.CallbackData == "claim");
        Assert.Contains(card.Buttons, b => b.CallbackData == "export");
        Assert.DoesNotContain(card.Buttons, b => b.CallbackData == "invite");

        telegram.EnqueueMessage(Staff, 5001, "Sam", "/claim", threadId: topic);

        var claimed = await Eventually.ValueAsync(
            () => telegram.SentTo(Staff, topic)[0] is { } c && c.VisibleText!.Contains("Taken by Sam", StringComparison.Ordinal) ? c : null, Timeout);
        Assert.Contains(claimed.Buttons, b => b.CallbackData == "unclaim");
        Assert.DoesNotContain(claimed.Buttons, b => b.CallbackData == "invite");
        Assert.Contains("sleeve came torn", claimed.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AliExpressCard_KeepsItsInviteButton_AfterAClaimEditsIt()
    {
        await using var rig = await OrderCardRig.StartAsync(arrange: a => a.SetOrder(OrderCardRig.Shipping(DateTimeOffset.UtcNow)));
        rig.Buyer("Hello");
        var topic = (await rig.PostedAsync("Hello")).ThreadId!.Value;
        Assert.Contains(rig.Card(topic)!.Buttons, b => b.CallbackData == "invite");

        rig.Telegram.EnqueueMessage(OrderCardRig.Staff, 5001, "Sam", "/claim", threadId: topic);

        var claimed = await Eventually.ValueAsync(
            () => rig.Card(topic) is { } c && c.VisibleText!.Contains("Taken by Sam", StringComparison.Ordinal) ? c : null, OrderCardRig.Timeout);
        Assert.Contains(claimed.Buttons, b => b.CallbackData == "invite");
    }
}
