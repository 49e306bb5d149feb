namespace Bot.Tests.Buyers;

/// <summary>Replies to people who are not linked cost an outbox row each: they are limited per user and, for all
/// strangers together, per minute, so /start from a crowd cannot grow the outbox without bound.</summary>
public sealed class BuyerStrangerFloodTests : IAsyncLifetime
{
    private BuyerScenario scenario = null!;

    public async Task InitializeAsync() => scenario = await BuyerScenario.StartAsync();

    public async Task DisposeAsync() => await scenario.DisposeAsync();

    [Fact]
    public async Task ThousandStartsFromStrangers_EnqueueABoundedNumberOfReplies()
    {
        for (var i = 0; i < 1000; i++)
        {
            var text = i % 2 == 0 ? "/start" : "/start AAAAAAAAAAAAAAAAAAAAA" + (i % 10);
            await scenario.Updates.HandleMessageAsync(scenario.Private(text, user: 200_000 + i), CancellationToken.None);
        }

        var rows = await scenario.ScalarAsync<long>("SELECT COUNT(*) FROM outbox");
        Assert.InRange(rows, 1, 30);
    }

    [Fact]
    public async Task OneStrangerRepeatingStart_GetsTheFloodLimit_AndOneWarning()
    {
        for (var i = 0; i < 1000; i++)
        {
            await scenario.Updates.HandleMessageAsync(scenario.Private("/start AAAAAAAAAAAAAAAAAAAAAA", user: 300_001), CancellationToken.None);
        }

        await scenario.Harness.DrainAsync();
        var replies = scenario.To(300_001);
        Assert.Equal(11, replies.Count);
        Assert.Single(replies, t => t.Html.Contains("very quickly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidInvitation_StillLinks_AfterStrangersUsedUpTheirReplies()
    {
        await using var small = await BuyerScenario.StartAsync(new Dictionary<string, string?> { ["Buyers:StrangerRepliesPerMinute"] = "5" });
        var topic = await small.OrderAsync("7101");
        for (var i = 0; i < 50; i++)
        {
            await small.Updates.HandleMessageAsync(small.Private("/start", user: 400_000 + i), CancellationToken.None);
        }

        await small.LinkAsync(topic);

        Assert.Equal(5, small.Harness.Gateway.Texts.Count(t => t.ChatId >= 400_000 && t.ChatId < 400_050));
        Assert.True(small.Got(BuyerScenario.Buyer, "You are now connected"));
    }
}
