using Bot.Testing;

namespace Bot.Tests.EndToEnd.OrderCards;

/// <summary>Order reads follow the conversation's activity, counted at the fake gateway.</summary>
public sealed class OrderCardCostEndToEndTests
{
    private const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";

    [Fact]
    public async Task BurstOfBuyerMessages_CostsOneOrderReadPerInterval()
    {
        await using var rig = await OrderCardRig.StartAsync(interval: "01:00:00", arrange: a => a.SetOrder(OrderCardRig.Shipping(DateTimeOffset.UtcNow)));
        rig.Buyer("Hello");
        var topic = (await rig.PostedAsync("Hello")).ThreadId!.Value;
        await rig.CardShowingAsync(topic, "Paid, waiting for you to ship");

        for (var i = 1; i <= 10; i++)
        {
            rig.Buyer($"Burst message {i}");
        }

        await rig.PostedAsync("Burst message 10");
        var polls = rig.AliExpress.CallCount(Relations);
        await Eventually.TrueAsync(() => rig.AliExpress.CallCount(Relations) > polls + 5, OrderCardRig.Timeout);

        Assert.Equal(1, rig.AliExpress.CallCount(OrderCardRig.FindOrder));
        Assert.Equal(0, rig.AliExpress.CallCount(OrderCardRig.OrderIssues)); // no dispute on the order: no dispute read
    }

    [Fact]
    public async Task IdleConversation_CostsNoOrderReads_ButTheNextMessageDoes()
    {
        await using var rig = await OrderCardRig.StartAsync(interval: "00:00:00.200", arrange: a => a.SetOrder(OrderCardRig.Shipping(DateTimeOffset.UtcNow)));
        rig.Buyer("Hello");
        var topic = (await rig.PostedAsync("Hello")).ThreadId!.Value;
        await rig.CardShowingAsync(topic, "Paid, waiting for you to ship");

        // Many refresh intervals and polls pass without a message.
        var polls = rig.AliExpress.CallCount(Relations);
        await Eventually.TrueAsync(() => rig.AliExpress.CallCount(Relations) > polls + 10, OrderCardRig.Timeout);
        Assert.Equal(1, rig.AliExpress.CallCount(OrderCardRig.FindOrder));

        rig.Buyer("Still there?");
        await Eventually.TrueAsync(() => rig.AliExpress.CallCount(OrderCardRig.FindOrder) == 2, OrderCardRig.Timeout);
    }

    [Fact]
    public async Task StaffReply_CountsAsActivity_AndRefreshesTheCard()
    {
        var now = DateTimeOffset.UtcNow;
        await using var rig = await OrderCardRig.StartAsync(interval: "00:00:00.200", arrange: a => a.SetOrder(OrderCardRig.Shipping(now)));
        rig.Buyer("Hello");
        var topic = (await rig.PostedAsync("Hello")).ThreadId!.Value;
        var card = await rig.CardShowingAsync(topic, "Paid, waiting for you to ship");
        rig.AliExpress.SetOrder(OrderCardRig.Shipping(now) with { Status = "WAIT_BUYER_ACCEPT_GOODS", Tracking = [new Bot.Testing.AliExpress.FakeTracking("LP777", "DHL")] });

        rig.Telegram.EnqueueMessage(OrderCardRig.Staff, 5001, "Sam", "Shipped today.", threadId: topic);

        var edited = await rig.CardShowingAsync(topic, "LP777 (DHL)");
        Assert.Equal(card.MessageId, edited.MessageId);
        Assert.True(rig.AliExpress.CallCount(OrderCardRig.FindOrder) >= 2); // the staff reply caused a read
    }
}
