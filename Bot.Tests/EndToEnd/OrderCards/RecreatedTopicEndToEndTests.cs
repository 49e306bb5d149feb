using Bot.Testing;
using Bot.Testing.AliExpress;

namespace Bot.Tests.EndToEnd.OrderCards;

/// <summary>Through the real host, the fake Bot API and the fake AliExpress gateway: a staff topic that a person deleted
/// comes back with the dispute mark and the claimant in its title, and the card with who has the conversation (and
/// its Release button) and the order's facts as last read, without waiting for the next change.</summary>
public sealed class RecreatedTopicEndToEndTests
{
    private const string Title = $"🧾 {OrderCardRig.OrderId} · Eva";

    [Fact]
    public async Task DeletedTopic_ComesBackWithTheClaimAndTheDisputeMark_InItsTitleAndOnItsCard()
    {
        var now = DateTimeOffset.UtcNow;
        // The order is read once (when the buyer first writes); the next read is an hour away, so nothing but the
        // recreation itself can put the claim and the mark on the new topic.
        await using var rig = await OrderCardRig.StartAsync("01:00:00", a => a.SetOrder(OrderCardRig.Shipping(now) with
        {
            Status = "IN_ISSUE",
            Disputes = [new FakeDispute(9003, "processing", "Wrong size")],
        }));
        rig.Buyer("It is the wrong size");
        var topic = (await rig.PostedAsync("It is the wrong size")).ThreadId!.Value;
        await rig.CardShowingAsync(topic, "Dispute 9003");
        rig.Telegram.EnqueueMessage(OrderCardRig.Staff, 5001, "Sam", "/claim", threadId: topic);
        await rig.CardShowingAsync(topic, "Taken by Sam");
        await Eventually.TrueAsync(() => rig.Telegram.Topics(OrderCardRig.Staff).Single(t => t.ThreadId == topic).Name == $"⚖️ 🙋 Sam · {Title}", OrderCardRig.Timeout);

        rig.Telegram.DeleteTopic(OrderCardRig.Staff, topic);
        rig.Buyer("Hello? Anyone there?");
        var moved = (await rig.PostedAsync("Hello? Anyone there?")).ThreadId!.Value;

        Assert.NotEqual(topic, moved);
        Assert.Equal($"⚖️ 🙋 Sam · {Title}", rig.Telegram.Topics(OrderCardRig.Staff).Single(t => t.ThreadId == moved).Name);
        var card = rig.Card(moved)!;
        Assert.Contains("Taken by Sam", card.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Dispute 9003", card.VisibleText, StringComparison.Ordinal);
        Assert.Contains(card.Buttons, b => b.CallbackData == "unclaim");
        Assert.DoesNotContain(card.Buttons, b => b.CallbackData == "claim");
    }
}
