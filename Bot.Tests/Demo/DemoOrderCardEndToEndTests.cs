using Bot.Core.Conversations;
using Bot.Testing;

namespace Bot.Tests.Demo;

/// <summary>The demo marketplace tells plausible order facts, and its refund buyer's order has a dispute.</summary>
public sealed class DemoOrderCardEndToEndTests
{
    private static readonly int RefundSeed = Enumerable.Range(1, 1000).First(seed => DemoRig.Script(seed).Conversation(0).Topic.Id == "refund");

    [Fact]
    public async Task RefundBuyer_CardShowsTheOrderAndItsDispute_AndOneNoticeIsPosted()
    {
        await using var rig = await DemoRig.StartAsync(RefundSeed, new Dictionary<string, string?> { ["Marketplace:OrderRefreshInterval"] = "00:00:00.300" });
        var buyer = rig.Buyer(0);
        Assert.Equal(ConversationKind.Order, buyer.Kind);

        var topic = await rig.TopicOfAsync(buyer);
        var card = await Eventually.ValueAsync(
            () => rig.Telegram.SentTo(DemoRig.Staff, topic)[0] is { EditedAt: not null } edited ? edited : null, DemoRig.Timeout);
        Assert.Contains("In dispute", card.VisibleText);
        Assert.Contains(buyer.Topic.Product, card.VisibleText);
        Assert.Contains("USD", card.VisibleText);
        Assert.Contains("open", card.VisibleText);

        await rig.PostedAsync(topic, "The buyer opened a dispute");
        Assert.Equal(1, rig.CountIn(topic, "The buyer opened a dispute"));
    }
}
