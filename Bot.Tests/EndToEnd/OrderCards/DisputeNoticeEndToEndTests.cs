using Bot.Testing;
using Bot.Testing.AliExpress;

namespace Bot.Tests.EndToEnd.OrderCards;

/// <summary>A dispute that opens is told once in the topic, across restarts, and shown on the card.</summary>
public sealed class DisputeNoticeEndToEndTests
{
    private const string Notice = "The buyer opened a dispute";

    [Fact]
    public async Task DisputeOpening_PostsOneNotice_NeverAgain_EvenAfterARestart()
    {
        var now = DateTimeOffset.UtcNow;
        await using var rig = await OrderCardRig.StartAsync(arrange: a => a.SetOrder(OrderCardRig.Shipping(now)));
        rig.Buyer("Where is it?");
        var topic = (await rig.PostedAsync("Where is it?")).ThreadId!.Value;
        await rig.CardShowingAsync(topic, "Paid, waiting for you to ship");
        Assert.Equal(0, rig.AliExpress.CallCount(OrderCardRig.OrderIssues));

        rig.AliExpress.SetOrder(OrderCardRig.Shipping(now) with
        {
            Status = "IN_ISSUE",
            Disputes = [new FakeDispute(9001, "processing", "Item not received <yet>")],
        });
        rig.Buyer("I opened a dispute");
        var notice = await rig.PostedAsync(Notice);
        Assert.Equal(topic, notice.ThreadId);
        Assert.Contains("9001", notice.VisibleText);
        Assert.Contains("Item not received <yet>", notice.VisibleText);
        var card = await rig.CardShowingAsync(topic, "Dispute 9001 open");
        Assert.Contains("In dispute", card.VisibleText);

        var reads = rig.AliExpress.CallCount(OrderCardRig.OrderIssues);
        rig.Buyer("Any news?");
        await Eventually.TrueAsync(() => rig.AliExpress.CallCount(OrderCardRig.OrderIssues) > reads, OrderCardRig.Timeout);
        await rig.RestartAsync();
        reads = rig.AliExpress.CallCount(OrderCardRig.OrderIssues);
        rig.Buyer("Hello after the restart");
        await rig.PostedAsync("Hello after the restart");
        await Eventually.TrueAsync(() => rig.AliExpress.CallCount(OrderCardRig.OrderIssues) > reads, OrderCardRig.Timeout);
        reads = rig.AliExpress.CallCount(OrderCardRig.OrderIssues);
        rig.Buyer("One more");
        await rig.PostedAsync("One more");
        await Eventually.TrueAsync(() => rig.AliExpress.CallCount(OrderCardRig.OrderIssues) > reads, OrderCardRig.Timeout);

        Assert.Single(rig.Telegram.SentTo(OrderCardRig.Staff), m => m.VisibleText?.Contains(Notice, StringComparison.Ordinal) == true);
    }
}
