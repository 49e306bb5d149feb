using Bot.Testing;
using Bot.Testing.AliExpress;

namespace Bot.Tests.EndToEnd.OrderCards;

/// <summary>The order card shows what AliExpress says about the order and is edited in place when it changes.</summary>
public sealed class OrderCardEndToEndTests
{
    [Fact]
    public async Task Card_ShowsStatusDeadlineAmountCountryItemsAndTracking_Escaped()
    {
        var now = DateTimeOffset.UtcNow;
        await using var rig = await OrderCardRig.StartAsync(arrange: a => a.SetOrder(OrderCardRig.Shipping(now) with
        {
            Tracking = [new FakeTracking("LP00123456789CN", "CAINIAO_STANDARD")],
        }));
        rig.Buyer("Where is my shirt?");
        var topic = (await rig.PostedAsync("Where is my shirt?")).ThreadId!.Value;

        var card = await rig.CardShowingAsync(topic, "Paid, waiting for you to ship");
        var text = card.VisibleText!;
        Assert.Contains("Ship by", text);
        Assert.Contains("2 d 2 h left", text); // 2 d 3 h ahead, a few seconds gone; shown to the minute at most
        Assert.Contains("28.00 USD", text);
        Assert.Contains("Ships to ES", text);
        Assert.Contains("Linen shirt <XL> & belt × 2 · 12.50 USD", text);
        Assert.Contains("Gift box × 1 · 3.00 USD", text);
        Assert.Contains("LP00123456789CN (CAINIAO_STANDARD)", text);
        Assert.Contains("&lt;XL&gt; &amp; belt", card.Text); // escaped HTML, shown as typed
        Assert.Contains(card.Buttons, b => b.CallbackData == "invite"); // the edit keeps the card's button
        Assert.NotNull(card.EditedAt);
    }

    [Fact]
    public async Task OrderChange_WhileTheConversationIsActive_EditsTheSameCardMessage()
    {
        var now = DateTimeOffset.UtcNow;
        await using var rig = await OrderCardRig.StartAsync(arrange: a => a.SetOrder(OrderCardRig.Shipping(now)));
        rig.Buyer("Please ship soon");
        var topic = (await rig.PostedAsync("Please ship soon")).ThreadId!.Value;
        var before = await rig.CardShowingAsync(topic, "Paid, waiting for you to ship");

        rig.AliExpress.SetOrder(OrderCardRig.Shipping(now) with
        {
            Status = "WAIT_BUYER_ACCEPT_GOODS",
            Tracking = [new FakeTracking("RB998877665CN", "CAINIAO_STANDARD")],
            OverTimeLeft = now.AddDays(20),
        });
        rig.Buyer("Did you ship it?");
        await rig.PostedAsync("Did you ship it?");

        var after = await rig.CardShowingAsync(topic, "Shipped, waiting for the buyer to confirm receipt");
        Assert.Equal(before.MessageId, after.MessageId);
        // The first buyer message travelled under the card (one send for both): the edit keeps it.
        Assert.Contains("Please ship soon", before.VisibleText);
        Assert.Contains("Please ship soon", after.VisibleText);
        Assert.Contains("RB998877665CN", after.VisibleText);
        Assert.Contains("Buyer confirms receipt by", after.VisibleText);
        Assert.Single(rig.Telegram.SentTo(OrderCardRig.Staff, topic), m => m.VisibleText?.Contains("Order 3001234567890", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task OrderApiRefusal_LeavesTheCard_IsLoggedOnce_AndTheRelayGoesOn()
    {
        await using var rig = await OrderCardRig.StartAsync(arrange: a =>
        {
            a.SetOrder(OrderCardRig.Shipping(DateTimeOffset.UtcNow));
            a.Refuse(OrderCardRig.FindOrder, FakeFault.InsufficientPermission());
        });
        rig.Buyer("First question");
        var topic = (await rig.PostedAsync("First question")).ThreadId!.Value;
        await Eventually.TrueAsync(() => rig.AliExpress.CallCount(OrderCardRig.FindOrder) >= 1, OrderCardRig.Timeout);
        rig.Buyer("Second question");
        await rig.PostedAsync("Second question");
        await Eventually.TrueAsync(() => rig.AliExpress.CallCount(OrderCardRig.FindOrder) >= 2, OrderCardRig.Timeout);
        rig.Buyer("Third question");
        await rig.PostedAsync("Third question");

        var card = rig.Card(topic)!;
        Assert.Null(card.EditedAt);
        Assert.Contains("Order 3001234567890", card.VisibleText);
        var refusals = rig.Logs.Entries.Where(e => e.Message.Contains("refused to tell about order", StringComparison.Ordinal)).ToList();
        var refusal = Assert.Single(refusals);
        Assert.Contains("InsufficientPermission", refusal.Message);
        Assert.DoesNotContain(rig.AliExpress.AccessToken, refusal.Message);
    }
}
