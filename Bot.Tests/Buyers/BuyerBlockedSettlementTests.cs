using Bot.Tests.Harness;


namespace Bot.Tests.Buyers;

/// <summary>Deliveries to a Telegram user who blocked the bot are settled by the outbox (done, undelivered): not
/// retried for a day, not dead letters. For a linked buyer the link goes inactive and staff are told once.</summary>
public sealed class BuyerBlockedSettlementTests : IAsyncLifetime
{
    private const long Buyer = BuyerScenario.Buyer;
    private BuyerScenario scenario = null!;

    public async Task InitializeAsync() => scenario = await BuyerScenario.StartAsync();

    public async Task DisposeAsync() => await scenario.DisposeAsync();

    [Fact]
    public async Task LinkedBuyerWhoBlockedTheBot_PostIsSettled_LinkInactive_StaffToldOnce()
    {
        var topic = await scenario.OrderAsync("7201");
        await scenario.LinkAsync(topic);
        scenario.Harness.Gateway.BlockBot(Buyer);

        await scenario.StaffAsync(topic, "First answer while blocked");
        await scenario.StaffAsync(topic, "Second answer while blocked");
        await scenario.Harness.PassAsync(TimeSpan.FromHours(2), TimeSpan.FromMinutes(10));

        Assert.False(scenario.Got(Buyer, "while blocked"));
        Assert.Equal(2, scenario.Harness.Marketplace.Sent.Count(s => s.Text.Contains("while blocked", StringComparison.Ordinal)));
        Assert.Equal(1, await scenario.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'buyer_post' AND status = 'done'"));
        Assert.Equal(0, await scenario.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE status <> 'done'"));
        Assert.Equal(1, await scenario.ScalarAsync<long>("SELECT COUNT(*) FROM buyer_links WHERE blocked_at IS NOT NULL AND unlinked_at IS NULL"));
        Assert.Single(scenario.InTopic(topic), t => t.Html.Contains("blocked the bot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplyToAStrangerWhoBlockedTheBot_IsSettled_NotADeadLetter()
    {
        const long stranger = 91002;
        scenario.Harness.Gateway.BlockBot(stranger);

        await scenario.SayAsync("/help", stranger);
        await scenario.Harness.PassAsync(TimeSpan.FromHours(2), TimeSpan.FromMinutes(10));

        Assert.Empty(scenario.To(stranger));
        Assert.True(await scenario.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE chat_id = @stranger AND status = 'done'", new { stranger }) >= 1);
        Assert.Equal(0, await scenario.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE status <> 'done'"));
    }
}
