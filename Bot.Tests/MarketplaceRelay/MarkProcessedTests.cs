using Bot.Core.Marketplace;
using Bot.Tests.Buyers;

namespace Bot.Tests.MarketplaceRelay;

/// <summary>A conversation is marked processed once the marketplace accepted a staff reply to it, and only then.</summary>
public sealed class MarkProcessedTests
{
    [Fact]
    public async Task StaffReply_AcceptedByTheMarketplace_MarksTheConversationProcessedOnce()
    {
        await using var s = await BuyerScenario.StartAsync();
        var topic = await s.OrderAsync("9101");
        Assert.Empty(s.Harness.Marketplace.MarkedProcessed); // the buyer's message alone is no answer

        await s.StaffAsync(topic, "It ships today.");

        Assert.Equal(["9101"], s.Harness.Marketplace.MarkedProcessed.ToArray());
    }

    [Fact]
    public async Task StaffReply_TheMarketplaceRefuses_DoesNotMarkProcessed()
    {
        await using var s = await BuyerScenario.StartAsync();
        var topic = await s.OrderAsync("9102");
        s.Harness.Marketplace.FailNextSend(new MarketplaceException(MarketplaceErrorKind.Rejected, "Content refused", "1001"));

        await s.StaffAsync(topic, "It ships today.");

        Assert.Empty(s.Harness.Marketplace.Sent);
        Assert.Empty(s.Harness.Marketplace.MarkedProcessed);
    }

    [Fact]
    public async Task LinkedBuyersOwnMessage_PostedIntoTheMarketplace_DoesNotMarkProcessed()
    {
        await using var s = await BuyerScenario.StartAsync();
        var topic = await s.OrderAsync("9103");
        await s.LinkAsync(topic);
        var before = s.Harness.Marketplace.Sent.Count;

        await s.SayAsync("Any news about my parcel?");

        Assert.Contains(s.Harness.Marketplace.Sent.Skip(before), m => m.Text.Contains("Any news about my parcel?", StringComparison.Ordinal));
        Assert.Empty(s.Harness.Marketplace.MarkedProcessed);
    }
}
