using Moq;

namespace Bot.Tests.Buyers;

/// <summary>Deliveries to a linked buyer survive what the buyer does to their own chat, and never echo the buyer's own
/// words back to them.</summary>
public sealed class BuyerDeliveryRecoveryTests : IAsyncLifetime
{
    private const long Buyer = BuyerScenario.Buyer;
    private BuyerScenario scenario = null!;
    private int topic;

    public async Task InitializeAsync()
    {
        // Topics, posts and a recreated topic are several sends into one private chat within one fake second; at
        // Telegram's 1 a second they would wait inside the limiter for a fake clock that only the test advances.
        scenario = await BuyerScenario.StartAsync(new Dictionary<string, string?> { ["Telegram:Limits:PrivatePerSecond"] = "30" });
        topic = await scenario.OrderAsync("7301");
    }

    public async Task DisposeAsync() => await scenario.DisposeAsync();

    [Fact]
    public async Task BuyerDeletedTheOrdersTopic_ItIsRecreated_AndTheReplyArrives()
    {
        scenario.Harness.Identity.Setup(i => i.HasPrivateTopicsAsync(It.IsAny<CancellationToken>())).ReturnsAsync(true);
        await scenario.LinkAsync(topic);
        await scenario.StaffAsync(topic, "First answer");
        var first = scenario.To(Buyer).Single(t => t.Html.Contains("First answer", StringComparison.Ordinal)).TopicId!.Value;
        scenario.Harness.Gateway.DeleteTopic(first);

        await scenario.StaffAsync(topic, "Second answer");
        await scenario.StaffAsync(topic, "Third answer");

        var second = scenario.To(Buyer).Single(t => t.Html.Contains("Second answer", StringComparison.Ordinal)).TopicId;
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.Equal(second, scenario.To(Buyer).Single(t => t.Html.Contains("Third answer", StringComparison.Ordinal)).TopicId);
        Assert.Equal(0, await scenario.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE status <> 'done'"));

        // What the buyer writes in the new topic goes to the order.
        await scenario.SayAsync("Thanks, got it", topic: second);
        Assert.Contains(scenario.Harness.Marketplace.Sent, s => s.ConversationId == "7301" && s.Text.Contains("Thanks, got it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuyersOwnMessage_IsNotSentBackToThem_WhenItsEchoIsMatched()
    {
        await scenario.LinkAsync(topic);

        await scenario.SayAsync("My own words from Telegram");
        await scenario.Harness.RunAsync(); // the echo comes back through the poller
        await scenario.StaffAsync(topic, "Store answer");

        Assert.True(scenario.Got(Buyer, "Store answer"));
        Assert.False(scenario.Got(Buyer, "My own words from Telegram"));
    }

    [Fact]
    public async Task BuyersOwnMessage_IsNotSentBackToThem_WhenItsEchoComesBackUnmatched()
    {
        await scenario.LinkAsync(topic);
        scenario.Harness.Marketplace.EchoSends = false;
        await scenario.SayAsync("Words that come back late");
        var posted = scenario.Harness.Marketplace.Sent.Last().Text;

        // The echo arrives after the echo window, so it looks like a new seller-side message.
        scenario.Harness.Time.Advance(TimeSpan.FromHours(25));
        scenario.Harness.Marketplace.AddSellerMessage("7301", posted);
        await scenario.Harness.RunAsync();
        await scenario.StaffAsync(topic, "Store answer");

        Assert.True(scenario.Got(Buyer, "Store answer"));
        Assert.False(scenario.Got(Buyer, "Words that come back late"));
    }
}
