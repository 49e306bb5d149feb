using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Formatting;
using Bot.Core.Marketplace;
using Bot.Core.OrderCards;
using Bot.Core.Staff;

namespace Bot.Tests.OrderCards;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class OrderCardTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Conversation Order = new(1, "aliexpress", "seller", ConversationKind.Order, "3001", "buyer", "Eva", null, null, new OrderCard("3001"));

    private static OrderFacts Facts(IReadOnlyList<OrderItem> items, OrderDeadline? deadline = null) =>
        new("WAIT_SELLER_SEND_GOODS", "Paid, waiting for you to ship", items, 10m, "USD", "ES", [], deadline, null);

    [Fact]
    public void LongItemList_IsCutWithAndNMore_AndTheCardFitsTelegramsLimit()
    {
        var items = Enumerable.Range(1, 400).Select(i => new OrderItem(new string('x', 300) + i, 1, 1m, "USD")).ToList();

        var text = OrderCardText.Render(Order, Facts(items), Now);

        Assert.True(HtmlSplitter.PlainLength(text) <= ChatLimits.MaxTextLength);
        Assert.Matches(@"… and \d+ more", text);
        Assert.Contains("Paid, waiting for you to ship", text);
    }

    [Fact]
    public void LongItemList_WithTheLongestClaimantName_StillFitsTelegramsLimit()
    {
        var items = Enumerable.Range(1, 400).Select(i => new OrderItem(new string('x', 300) + i, 1, 1m, "USD")).ToList();

        var text = StaffFormatter.CardMessage(Order, null, new string('S', 500), OrderCardText.Facts(Order, Facts(items), Now));

        Assert.True(HtmlSplitter.PlainLength(text) <= ChatLimits.MaxTextLength);
        Assert.Contains("Taken by <b>SSS", text, StringComparison.Ordinal);
        Assert.Matches(@"… and \d+ more", text);
    }

    /// <summary>A marketplace may send any length in any field (a fuzzed buyer name of thousands of characters once
    /// left the facts a negative room, and the card's refresh failed on every try).</summary>
    [Fact]
    public void HugeMarketplaceFields_AreCutOnTheCardsHead_AndTheCardWithAClaimantStillFits()
    {
        var huge = Order with
        {
            ExternalId = new string('1', 3_000),
            BuyerId = new string('b', 3_000),
            BuyerName = new string('N', 5_000),
            Card = new OrderCard(new string('7', 3_000), new string('P', 5_000), "https://example.com/o", "https://example.com/p"),
        };
        var items = Enumerable.Range(1, 40).Select(i => new OrderItem(new string('x', 300) + i, 1, 1m, "USD")).ToList();

        var facts = OrderCardText.Facts(huge, Facts(items), Now);
        var text = StaffFormatter.CardMessage(huge, null, new string('S', 500), facts);

        Assert.True(HtmlSplitter.PlainLength(text) <= ChatLimits.MaxTextLength, $"{HtmlSplitter.PlainLength(text)} characters");
        Assert.Contains("Paid, waiting for you to ship", facts, StringComparison.Ordinal);
        Assert.Contains("NNN…</b>", text, StringComparison.Ordinal);
        Assert.Contains("PPP…</a>", text, StringComparison.Ordinal);
        Assert.True(HtmlSplitter.PlainLength(OrderCardText.Render(huge, Facts(items), Now)) <= ChatLimits.MaxTextLength);
    }

    [Fact]
    public void FewItems_AreAllShown_WithoutAndMore()
    {
        var text = OrderCardText.Render(Order, Facts([new OrderItem("Cup", 2, 3m, "USD")]), Now);

        Assert.Contains("• Cup × 2 · 3.00 USD", text);
        Assert.DoesNotContain("more", text);
    }

    [Fact]
    public void EveryMarketplaceText_IsEscaped()
    {
        var facts = Facts([new OrderItem("<b>bold</b> & co", 1, null, null)]) with
        {
            Status = "<script>",
            Tracking = [new OrderTracking("<1>", "A&B")],
            Dispute = new OrderDispute("<7>", "open", true, "<reason>"),
        };

        var text = OrderCardText.Render(Order, facts, Now);

        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; &amp; co", text);
        Assert.Contains("&lt;script&gt;", text);
        Assert.Contains("<code>&lt;1&gt;</code> (A&amp;B)", text);
        Assert.Contains("&lt;reason&gt;", text);
        Assert.DoesNotContain("<script>", text);
    }

    [Theory]
    [InlineData(49 * 60, "Ship by 3 May 13:00 UTC (2 d 1 h left)")]
    [InlineData(-90, "Ship by 1 May 10:30 UTC (overdue by 1 h 30 min)")]
    public void Deadline_ShowsTimeLeftRelativeToNow(int minutes, string expected)
    {
        var text = OrderCardText.Render(Order, Facts([], new OrderDeadline("Ship by", Now.AddMinutes(minutes))), Now);

        Assert.Contains(expected, HtmlSplitter.PlainText(text));
    }

    [Fact]
    public void DisputeNotice_OnlyWhenADisputeOpens()
    {
        var open = new OrderDispute("7", "open", true, null);
        var closed = open with { IsOpen = false, Status = "finished" };

        Assert.NotNull(DisputeNotice.Opened(null, open, "3001"));
        Assert.Null(DisputeNotice.Opened(DisputeNotice.Key(open), open with { Status = "waiting for you" }, "3001"));
        Assert.NotNull(DisputeNotice.Opened(DisputeNotice.Key(closed), open, "3001"));
        Assert.NotNull(DisputeNotice.Opened(DisputeNotice.Key(open), open with { Id = "8" }, "3001"));
        Assert.Null(DisputeNotice.Opened(null, closed, "3001"));
    }
}
