using System.Text;
using Bot.Testing;
using Bot.Testing.AliExpress;

namespace Bot.Tests.EndToEnd.OrderCards;

/// <summary>Through the real host, the fake Bot API and the fake AliExpress gateway: a dispute that opens marks the
/// topic's title (once, together with who has the conversation), its one notice offers the export with a button that
/// posts the transcript, and the mark goes when the dispute closes.</summary>
[Harness.RunsLong]
public sealed class DisputeMarkEndToEndTests
{
    private const string Title = $"🧾 {OrderCardRig.OrderId} · Eva";

    private static string TitleOf(OrderCardRig rig, int topic) => rig.Telegram.Topics(OrderCardRig.Staff).Single(t => t.ThreadId == topic).Name;

    private static Task TitleIsAsync(OrderCardRig rig, int topic, string title) =>
        Eventually.TrueAsync(() => TitleOf(rig, topic) == title, OrderCardRig.Timeout);

    /// <summary>A buyer message, and the order read that follows it (the card's refresh).</summary>
    private static async Task BuyerWritesAndTheOrderIsReadAsync(OrderCardRig rig, string text)
    {
        var reads = rig.AliExpress.CallCount(OrderCardRig.OrderIssues);
        rig.Buyer(text);
        await rig.PostedAsync(text);
        await Eventually.TrueAsync(() => rig.AliExpress.CallCount(OrderCardRig.OrderIssues) > reads, OrderCardRig.Timeout);
    }

    [Fact]
    public async Task DisputeOpening_MarksTheClaimedTopicOnce_TheNoticeExports_AndTheMarkGoesWhenItCloses()
    {
        var now = DateTimeOffset.UtcNow;
        await using var rig = await OrderCardRig.StartAsync(arrange: a => a.SetOrder(OrderCardRig.Shipping(now)));
        rig.Buyer("Where is it?");
        var topic = (await rig.PostedAsync("Where is it?")).ThreadId!.Value;
        await rig.CardShowingAsync(topic, "Paid, waiting for you to ship");
        rig.Telegram.EnqueueMessage(OrderCardRig.Staff, 5001, "Sam", "/claim", threadId: topic);
        await TitleIsAsync(rig, topic, $"🙋 Sam · {Title}");
        var renames = rig.Telegram.CallCount("editForumTopic");

        rig.AliExpress.SetOrder(OrderCardRig.Shipping(now) with { Status = "IN_ISSUE", Disputes = [new FakeDispute(9001, "processing", "Not received")] });
        rig.Buyer("I opened a dispute");
        var notice = await rig.PostedAsync("The buyer opened a dispute");
        await TitleIsAsync(rig, topic, $"⚖️ 🙋 Sam · {Title}");
        Assert.Equal(renames + 1, rig.Telegram.CallCount("editForumTopic"));

        // Still open, across a restart: no second rename, no second notice.
        await BuyerWritesAndTheOrderIsReadAsync(rig, "Any news?");
        await rig.RestartAsync();
        await BuyerWritesAndTheOrderIsReadAsync(rig, "Hello after the restart");
        Assert.Equal(renames + 1, rig.Telegram.CallCount("editForumTopic"));
        Assert.Single(rig.Telegram.SentTo(OrderCardRig.Staff), m => m.VisibleText?.Contains("The buyer opened a dispute", StringComparison.Ordinal) == true);

        var export = Assert.Single(notice.Buttons);
        Assert.Equal("export", export.CallbackData);
        rig.Telegram.EnqueueCallback(OrderCardRig.Staff, notice.MessageId, 5001, export.CallbackData!);
        var document = await Eventually.ValueAsync(
            () => rig.Telegram.SentTo(OrderCardRig.Staff, topic).FirstOrDefault(m => m.DocumentName?.EndsWith("-transcript.html", StringComparison.Ordinal) == true),
            OrderCardRig.Timeout);
        Assert.Contains("I opened a dispute", Encoding.UTF8.GetString(document.Document!), StringComparison.Ordinal);

        rig.AliExpress.SetOrder(OrderCardRig.Shipping(now) with { Disputes = [new FakeDispute(9001, "finish", "Not received")] });
        rig.Buyer("Thanks, refund received");
        await TitleIsAsync(rig, topic, $"🙋 Sam · {Title}");

        rig.Telegram.EnqueueMessage(OrderCardRig.Staff, 5001, "Sam", "/unclaim", threadId: topic);
        await TitleIsAsync(rig, topic, Title);
    }

    [Fact]
    public async Task DisputeMark_ComesFirst_AndTheTitleStaysWithinTelegramsLimit()
    {
        var now = DateTimeOffset.UtcNow;
        await using var rig = await OrderCardRig.StartAsync(arrange: a => a.SetOrder(OrderCardRig.Shipping(now) with
        {
            Status = "IN_ISSUE",
            Disputes = [new FakeDispute(9002, "processing", "Broken")],
        }));
        rig.Buyer("It arrived broken");
        var topic = (await rig.PostedAsync("It arrived broken")).ThreadId!.Value;
        await TitleIsAsync(rig, topic, $"⚖️ {Title}");

        rig.Telegram.EnqueueMessage(OrderCardRig.Staff, 5001, "Alexandra " + new string('W', 150), "/claim", threadId: topic);

        await Eventually.TrueAsync(() => TitleOf(rig, topic).StartsWith("⚖️ 🙋 Alexandra WWW", StringComparison.Ordinal), OrderCardRig.Timeout);
        Assert.Equal(128, TitleOf(rig, topic).Length);
    }
}
