using Bot.Tests.Buyers;

namespace Bot.Tests.MarketplaceRelay;

/// <summary>A mark-read or mark-processed is queued only where the marketplace says marking does something: elsewhere
/// (Wildberries, AliExpress's IM family, the setting off) each would be a row, its lane's head and a delivery of its
/// own for a call that does nothing.</summary>
public sealed class MarksQueuedTests
{
    private const string MarkKinds = "kind IN ('marketplace_mark_read', 'marketplace_mark_processed')";

    [Fact]
    public async Task AMarketplaceThatMarksNothing_GetsNoMarkQueued_AndTheRelayIsUnchanged()
    {
        await using var s = await BuyerScenario.StartAsync();
        s.Harness.Marketplace.MarksRead = false;
        s.Harness.Marketplace.MarksProcessed = false;

        var topic = await s.OrderAsync("9201", text: "Hello, where is my order?");
        await s.StaffAsync(topic, "It ships today.");

        Assert.Contains(s.InTopic(topic), t => t.Html.Contains("where is my order", StringComparison.Ordinal));
        Assert.Contains(s.Harness.Marketplace.Sent, m => m.Text.Contains("It ships today.", StringComparison.Ordinal));
        Assert.Equal(0, await s.ScalarAsync<long>($"SELECT COUNT(*) FROM outbox WHERE {MarkKinds}"));
        Assert.Empty(s.Harness.Marketplace.MarkedRead);
        Assert.Empty(s.Harness.Marketplace.MarkedProcessed);
    }

    [Fact]
    public async Task AMarketplaceThatMarks_GetsOneOfEach_Delivered()
    {
        await using var s = await BuyerScenario.StartAsync();

        var topic = await s.OrderAsync("9202", text: "Hello, where is my order?");
        await s.StaffAsync(topic, "It ships today.");

        Assert.Equal(2, await s.ScalarAsync<long>($"SELECT COUNT(*) FROM outbox WHERE {MarkKinds} AND status = 'done'"));
        Assert.Equal(["9202"], s.Harness.Marketplace.MarkedRead.ToArray());
        Assert.Equal(["9202"], s.Harness.Marketplace.MarkedProcessed.ToArray());
    }
}
