using Bot.Core.Routing;
using Bot.Core.Sqlite;
using Bot.Tests.Harness;

namespace Bot.Tests.Storage;

/// <summary>The statements a relayed message runs, both ways, are prepared statements of the bridge's own, not Dapper's:
/// Dapper and what it loads (its emitted readers, System.Linq.Expressions, System.Private.Xml) stay out of a host that
/// relays and does nothing else. The check notes every statement that goes through Dapper in the test's own flow of
/// calls, so other tests running beside it are not counted.</summary>
public sealed class RelayWithoutDapperTests
{
    [Fact]
    public async Task BuyerMessages_ANewTopicAndAnExistingOne_StaffReply_AndItsEcho_RunNoStatementThroughDapper()
    {
        await using var harness = await CoreHarness.StartAsync();
        var used = DapperOnFirstUse.Watch();

        // A new conversation: its topic, its card and the first message; then a second message into the topic.
        var topic = await harness.OpenTopicAsync("9701", "Where is my parcel?");
        harness.Marketplace.AddBuyerMessage("9701", "It has been two weeks.");
        await harness.RunAsync();
        // Staff reply in the topic: sent to the marketplace, acknowledged in the topic; the marketplace lists it back.
        await harness.Get<IChatUpdateHandler>().HandleMessageAsync(StaffMessages.Reply(topic, 990, "It ships tomorrow."), CancellationToken.None);
        await harness.DrainAsync();
        await harness.RunAsync();

        Assert.Contains(harness.Gateway.Texts, t => t.Html.Contains("It has been two weeks.", StringComparison.Ordinal));
        Assert.Contains(harness.Marketplace.Sent, s => s.Text.Contains("It ships tomorrow.", StringComparison.Ordinal));
        Assert.Contains(harness.Gateway.Reactions, r => r.MessageId == 990);
        AssertNone(used);
    }

    [Fact]
    public async Task LinkedBuyer_WritingPrivately_AndGettingTheStaffReply_RunsNoStatementThroughDapper()
    {
        // Inviting and linking are staff and buyer commands, once per buyer: not watched.
        await using var buyer = await Buyers.BuyerScenario.StartAsync();
        var topic = await buyer.OrderAsync("9702");
        await buyer.LinkAsync(topic);
        var used = DapperOnFirstUse.Watch();

        await buyer.SayAsync("Can you ship it faster?");
        await buyer.StaffAsync(topic, "Yes, tomorrow by express.");

        Assert.Contains(buyer.Harness.Marketplace.Sent, s => s.Text.Contains("Can you ship it faster?", StringComparison.Ordinal));
        Assert.Contains(buyer.Harness.Gateway.Texts, t => t.ChatId == Buyers.BuyerScenario.Buyer && t.Html.Contains("tomorrow by express", StringComparison.Ordinal));
        AssertNone(used);
    }

    private static void AssertNone(List<string> used)
    {
        lock (used)
        {
            Assert.True(used.Count == 0, "Through Dapper:\n" + string.Join("\n", used.Distinct()));
        }
    }
}
