using Bot.Testing;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;

namespace Bot.Tests.EndToEnd.OrderCards;

/// <summary>Through the real host and the fake Bot API: the order card says who has the conversation ("Taken by", with
/// a Release button instead of Take), edited in place with the order's facts and the first buyer message kept, drops
/// it on /unclaim or Release, and keeps it across a restart and the card's next refresh.</summary>
public sealed class CardClaimEndToEndTests
{
    private const long Sam = 5001;

    private static bool Claimed(SentMessage card) =>
        card.Buttons.Any(b => b.CallbackData == "unclaim") && card.Buttons.All(b => b.CallbackData != "claim");

    private static bool Free(SentMessage card) =>
        card.Buttons.Any(b => b.CallbackData == "claim") && card.Buttons.All(b => b.CallbackData != "unclaim");

    private static Task<SentMessage> CardAsync(OrderCardRig rig, int topic, Func<SentMessage, bool> shows) =>
        Eventually.ValueAsync(() => rig.Card(topic) is { } card && shows(card) ? card : null, OrderCardRig.Timeout);

    [Fact]
    public async Task Claim_ShowsTakenByOnTheCard_WithARelease_AndTheReleaseButtonTakesItOff_TheFactsAndFirstMessageStay()
    {
        await using var rig = await OrderCardRig.StartAsync(arrange: a => a.SetOrder(OrderCardRig.Shipping(DateTimeOffset.UtcNow)));
        rig.Buyer("Where is it?");
        var topic = (await rig.PostedAsync("Where is it?")).ThreadId!.Value;
        var before = await rig.CardShowingAsync(topic, "Paid, waiting for you to ship");
        Assert.True(Free(before));
        Assert.DoesNotContain("Taken by", before.VisibleText, StringComparison.Ordinal);

        rig.Telegram.EnqueueMessage(OrderCardRig.Staff, Sam, "Sam <& Co>", "/claim", threadId: topic);

        var claimed = await CardAsync(rig, topic, c => c.VisibleText!.Contains("Taken by Sam <& Co>", StringComparison.Ordinal));
        Assert.Equal(before.MessageId, claimed.MessageId);
        Assert.Contains("Taken by <b>Sam &lt;&amp; Co&gt;</b>", claimed.Text, StringComparison.Ordinal);
        Assert.True(Claimed(claimed));
        Assert.Contains(claimed.Buttons, b => b.CallbackData == "export");
        Assert.Contains("Paid, waiting for you to ship", claimed.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Where is it?", claimed.VisibleText, StringComparison.Ordinal); // the first message travelled under the card

        rig.Telegram.EnqueueCallback(OrderCardRig.Staff, claimed.MessageId, 5002, "unclaim");

        var released = await CardAsync(rig, topic, c => !c.VisibleText!.Contains("Taken by", StringComparison.Ordinal));
        Assert.True(Free(released));
        Assert.Contains("Paid, waiting for you to ship", released.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Where is it?", released.VisibleText, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => rig.Telegram.Topics(OrderCardRig.Staff).Single(t => t.ThreadId == topic).Name == $"🧾 {OrderCardRig.OrderId} · Eva", OrderCardRig.Timeout);
        await rig.PostedAsync("gave back this conversation");
    }

    [Fact]
    public async Task Claim_SurvivesARestart_TheNextRefreshKeepsItOnTheCard_AndUnclaimTakesItOff()
    {
        var now = DateTimeOffset.UtcNow;
        await using var rig = await OrderCardRig.StartAsync(arrange: a => a.SetOrder(OrderCardRig.Shipping(now)));
        rig.Buyer("Please ship soon");
        var topic = (await rig.PostedAsync("Please ship soon")).ThreadId!.Value;
        await rig.CardShowingAsync(topic, "Paid, waiting for you to ship");
        rig.Telegram.EnqueueMessage(OrderCardRig.Staff, Sam, "Sam", "/claim", threadId: topic);
        await CardAsync(rig, topic, c => c.VisibleText!.Contains("Taken by Sam", StringComparison.Ordinal));

        await rig.RestartAsync();
        rig.AliExpress.SetOrder(OrderCardRig.Shipping(now) with { Status = "WAIT_BUYER_ACCEPT_GOODS", OverTimeLeft = now.AddDays(20) });
        rig.Buyer("Did you ship it?");
        await rig.PostedAsync("Did you ship it?");

        var refreshed = await rig.CardShowingAsync(topic, "Shipped, waiting for the buyer to confirm receipt");
        Assert.Contains("Taken by Sam", refreshed.VisibleText, StringComparison.Ordinal);
        Assert.True(Claimed(refreshed));
        Assert.Contains("Please ship soon", refreshed.VisibleText, StringComparison.Ordinal);

        rig.Telegram.EnqueueMessage(OrderCardRig.Staff, Sam, "Sam", "/unclaim", threadId: topic);

        var released = await CardAsync(rig, topic, c => !c.VisibleText!.Contains("Taken by", StringComparison.Ordinal));
        Assert.True(Free(released));
        Assert.Contains("Shipped, waiting for the buyer to confirm receipt", released.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Please ship soon", released.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardThatNoLongerFitsWithTheFirstMessage_IsPostedAnew_AndAClaimEditsTheNewCard()
    {
        var items = Enumerable.Range(1, 10).Select(i => new FakeOrderItem($"Item {i} " + new string('x', 140), 1, 1m)).ToList();
        await using var rig = await OrderCardRig.StartAsync(arrange: a => a.SetOrder(OrderCardRig.Shipping(DateTimeOffset.UtcNow) with { Items = items }));
        var question = string.Join(' ', Enumerable.Repeat("where is my parcel", 170));
        rig.Buyer(question);
        var first = await rig.PostedAsync("where is my parcel where");
        var topic = first.ThreadId!.Value;

        var card = await Eventually.ValueAsync(
            () => rig.Telegram.SentTo(OrderCardRig.Staff, topic).FirstOrDefault(m => m.MessageId != first.MessageId && m.VisibleText?.Contains("Paid, waiting for you to ship", StringComparison.Ordinal) == true),
            OrderCardRig.Timeout);
        Assert.Contains($"Order {OrderCardRig.OrderId}", first.VisibleText, StringComparison.Ordinal); // the card carried the message
        Assert.True(card.MessageId > first.MessageId); // posted anew, after it
        Assert.Contains("Item 10", card.VisibleText, StringComparison.Ordinal);
        Assert.True(Free(card));

        rig.Telegram.EnqueueMessage(OrderCardRig.Staff, Sam, "Sam", "/claim", threadId: topic);

        var claimed = await Eventually.ValueAsync(
            () => rig.Telegram.SentTo(OrderCardRig.Staff, topic).SingleOrDefault(m => m.MessageId == card.MessageId && m.VisibleText!.Contains("Taken by Sam", StringComparison.Ordinal)),
            OrderCardRig.Timeout);
        Assert.Contains("Item 10", claimed.VisibleText, StringComparison.Ordinal);
        Assert.True(Claimed(claimed));
        var old = rig.Telegram.SentTo(OrderCardRig.Staff, topic).Single(m => m.MessageId == first.MessageId);
        Assert.Contains(question, old.VisibleText, StringComparison.Ordinal); // the first message stays where it was
        Assert.DoesNotContain("Taken by", old.VisibleText, StringComparison.Ordinal);
    }
}
