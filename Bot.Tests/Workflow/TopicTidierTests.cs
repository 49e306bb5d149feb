using Bot.Core.Marketplace;
using Bot.Core.OrderCards;

namespace Bot.Tests.Workflow;

/// <summary>A quiet conversation with nobody waiting has its topic closed; anything new reopens it with a note.</summary>
public sealed class TopicTidierTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Thursday1300 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private WorkflowRig rig = null!;

    public async Task InitializeAsync() => rig = await WorkflowRig.StartAsync(Thursday1300, new Dictionary<string, string?>
    {
        ["Workflow:CloseQuietAfter"] = "3.00:00:00",
    });

    public async Task DisposeAsync() => await rig.DisposeAsync();

    private async Task<int> AnsweredTopicAsync(string order)
    {
        var topic = await rig.BuyerWritesAsync(order, "Question");
        rig.At(Thursday1300.AddMinutes(10));
        await rig.StaffWritesAsync(topic, "Answer");
        return topic;
    }

    [Fact]
    public async Task QuietAndAnswered_IsClosedAfterTheQuietTime_NotBefore_AndOnlyOnce()
    {
        var topic = await AnsweredTopicAsync("2001");

        rig.At(Thursday1300.AddDays(3));
        await rig.SweepAndTidyAsync();
        Assert.False(rig.Harness.Gateway.ClosedTopics.ContainsKey(topic));

        rig.At(Thursday1300.AddDays(3).AddMinutes(11));
        await rig.SweepAndTidyAsync();
        Assert.True(rig.Harness.Gateway.ClosedTopics.ContainsKey(topic));

        rig.At(Thursday1300.AddDays(4));
        await rig.SweepAndTidyAsync(); // a second close would be refused with TOPIC_NOT_MODIFIED
        Assert.True(rig.Harness.Gateway.ClosedTopics.ContainsKey(topic));
    }

    [Fact]
    public async Task OrderStillGoing_StaysOpen_UntilTheCardReadsItFinished_ThenClosesAfterTheQuietTime()
    {
        var cards = rig.Harness.Get<OrderCardRefresher>();
        rig.Harness.Marketplace.Orders["2005"] = Order("WAIT_BUYER_ACCEPT_GOODS", finished: false);
        var topic = await AnsweredTopicAsync("2005");
        Assert.Equal(1, await cards.RefreshDueAsync(CancellationToken.None));

        rig.At(Thursday1300.AddDays(4));
        await rig.SweepAndTidyAsync();
        Assert.False(rig.Harness.Gateway.ClosedTopics.ContainsKey(topic));

        rig.Harness.Marketplace.Orders["2005"] = Order("FINISH", finished: true);
        await rig.StaffWritesAsync(topic, "Glad it arrived.");
        Assert.Equal(1, await cards.RefreshDueAsync(CancellationToken.None));
        rig.At(Thursday1300.AddDays(7).AddMinutes(-1));
        await rig.SweepAndTidyAsync();
        Assert.False(rig.Harness.Gateway.ClosedTopics.ContainsKey(topic));

        rig.At(Thursday1300.AddDays(7).AddMinutes(1));
        await rig.SweepAndTidyAsync();
        Assert.True(rig.Harness.Gateway.ClosedTopics.ContainsKey(topic));
    }

    [Fact]
    public async Task OrderStateUnknown_ClosesOnQuietAlone()
    {
        var topic = await AnsweredTopicAsync("2006");
        Assert.Equal(1, await rig.Harness.Get<OrderCardRefresher>().RefreshDueAsync(CancellationToken.None));

        rig.At(Thursday1300.AddDays(4));
        await rig.SweepAndTidyAsync();

        Assert.True(rig.Harness.Gateway.ClosedTopics.ContainsKey(topic));
    }

    private static OrderFacts Order(string status, bool finished) =>
        new(status, status, [], null, null, null, [], null, null, finished);

    [Fact]
    public async Task BuyerStillWaiting_TopicStaysOpen()
    {
        var topic = await rig.BuyerWritesAsync("2002", "Hello?");

        rig.At(Thursday1300.AddDays(5));
        await rig.SweepAndTidyAsync();

        Assert.False(rig.Harness.Gateway.ClosedTopics.ContainsKey(topic));
    }

    [Fact]
    public async Task NewBuyerMessage_ReopensTheTopic_WithANote_AndItClosesAgainLater()
    {
        var topic = await AnsweredTopicAsync("2003");
        rig.At(Thursday1300.AddDays(4));
        await rig.SweepAndTidyAsync();
        Assert.True(rig.Harness.Gateway.ClosedTopics.ContainsKey(topic));

        await rig.BuyerWritesAsync("2003", "One more thing");
        Assert.False(rig.Harness.Gateway.ClosedTopics.ContainsKey(topic));
        Assert.Contains(rig.Harness.Gateway.TextsIn(topic), t => t.Html.Contains("One more thing", StringComparison.Ordinal));

        await rig.SweepAndTidyAsync();
        Assert.Contains(rig.Harness.Gateway.TextsIn(topic), t => t.Html.StartsWith("📂 Reopened", StringComparison.Ordinal));

        rig.At(Thursday1300.AddDays(5));
        await rig.StaffWritesAsync(topic, "Sure.");
        rig.At(Thursday1300.AddDays(8).AddMinutes(1));
        await rig.SweepAndTidyAsync();
        Assert.True(rig.Harness.Gateway.ClosedTopics.ContainsKey(topic));
    }

    [Fact]
    public async Task MoreTopicsThanARoundLooksAt_AreClosedOverTheNextRounds_EachOnce()
    {
        rig.Harness.Get<Bot.Core.Workflow.TopicTidier>().TopicsPerRound = 2;
        var topics = new List<int>();
        foreach (var order in new[] { "2101", "2102", "2103", "2104", "2105" })
        {
            topics.Add(await AnsweredTopicAsync(order));
        }

        rig.At(Thursday1300.AddDays(4));
        await rig.SweepAndTidyAsync();
        Assert.Equal(2, rig.Harness.Gateway.ClosedTopics.Count); // the first window of two
        await rig.SweepAndTidyAsync();
        Assert.Equal(4, rig.Harness.Gateway.ClosedTopics.Count);
        await rig.SweepAndTidyAsync();
        Assert.Equal(5, rig.Harness.Gateway.ClosedTopics.Count);
        await rig.SweepAndTidyAsync(); // a new pass: nothing left to close, nothing closed twice
        await rig.SweepAndTidyAsync();

        Assert.All(topics, t => Assert.True(rig.Harness.Gateway.ClosedTopics.ContainsKey(t)));
        await using var connection = await rig.Harness.Get<Bot.Core.Storage.IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM workflow_closed";
        Assert.Equal(5L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task OffByDefault()
    {
        await using var plain = await WorkflowRig.StartAsync(Thursday1300);
        var topic = await plain.BuyerWritesAsync("2004", "Question");
        await plain.StaffWritesAsync(topic, "Answer");

        plain.At(Thursday1300.AddDays(30));
        await plain.SweepAndTidyAsync();

        Assert.Empty(plain.Harness.Gateway.ClosedTopics);
    }
}
