using Bot.Core.Marketplace;
using Bot.Core.Operations;
using Bot.Core.Operations.Commands;
using Bot.Core.Outbox;
using Bot.Core.Routing;
using Bot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Operations;

/// <summary>/retry all and /retry conv &lt;id&gt; requeue dead letters in bulk, after an outage that outlasted the retry
/// window or once a refusal is fixed.</summary>
public sealed class RetryManyTests : IAsyncLifetime
{
    private CoreHarness harness = null!;

    public async Task InitializeAsync() => harness = await CoreHarness.StartAsync(configure: s => s.AddSingleton<DeadLetterReader>().AddSingleton<RetryWatch>());

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private IOutboxRepository Outbox => harness.Get<IOutboxRepository>();

    [Fact]
    public async Task RetryConv_RequeuesThatConversationsDeadLetters_Only()
    {
        var dead = await DeadLettersInThreeConversationsAsync();
        var first = dead.First(d => d.Text == "Reply 1").ConversationId;

        var answer = await RunAsync($"conv {first}");
        await harness.DrainAsync();

        Assert.Contains("1 dead letter of conversation", answer, StringComparison.Ordinal);
        Assert.Equal(["Reply 1"], harness.Marketplace.Sent.Select(s => s.Text));
        Assert.Equal(2, (await Outbox.ListAsync(OutboxStatus.Dead, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task RetryConv_TakesTheOrderIdThatDeadLettersShows()
    {
        await DeadLettersInThreeConversationsAsync();

        var answer = await RunAsync("conv 9302");
        await harness.DrainAsync();

        Assert.Contains("1 dead letter of conversation 9302", answer, StringComparison.Ordinal);
        Assert.Equal(["Reply 2"], harness.Marketplace.Sent.Select(s => s.Text));
    }

    [Fact]
    public async Task RetryAll_RequeuesEveryDeadLetter_AndTheyAreDelivered()
    {
        await DeadLettersInThreeConversationsAsync();

        var answer = await RunAsync("all");
        await harness.DrainAsync();

        Assert.Contains("3 dead letters queued again", answer, StringComparison.Ordinal);
        Assert.Equal(["Reply 1", "Reply 2", "Reply 3"], harness.Marketplace.Sent.Select(s => s.Text).Order(StringComparer.Ordinal));
        Assert.Empty(await Outbox.ListAsync(OutboxStatus.Dead, 10, CancellationToken.None));
        Assert.Equal("No dead letters to retry.", await RunAsync("all"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("everything")]
    [InlineData("conv x")]
    public async Task Retry_WithoutATarget_ExplainsItsForms(string arguments) =>
        Assert.StartsWith("Usage: /retry", await RunAsync(arguments), StringComparison.Ordinal);

    private Task<string> RunAsync(string arguments) =>
        new RetryCommand(Outbox, harness.Get<DeadLetterReader>(), harness.Get<RetryWatch>()).RunAsync(StaffMessages.Reply(1, 1, "/retry " + arguments), arguments, CancellationToken.None);

    /// <summary>Three conversations, each with a staff reply the marketplace refused (now fixed).</summary>
    private async Task<List<(long? ConversationId, string Text)>> DeadLettersInThreeConversationsAsync()
    {
        for (var i = 1; i <= 3; i++)
        {
            harness.Marketplace.AddBuyerMessage($"930{i}", "Hello", buyerId: $"buyer-{i}");
        }

        await harness.RunAsync();
        var dead = new List<(long?, string)>();
        for (var i = 1; i <= 3; i++)
        {
            var topic = harness.Gateway.Topics.Single(t => t.Name.Contains($"930{i}", StringComparison.Ordinal)).TopicId;
            harness.Marketplace.FailNextSend(new MarketplaceException(MarketplaceErrorKind.Rejected, "The order is closed for comments"));
            await harness.Get<IChatUpdateHandler>().HandleMessageAsync(StaffMessages.Reply(topic, 960 + i, $"Reply {i}"), CancellationToken.None);
            await harness.DrainAsync();
            var item = (await Outbox.ListAsync(OutboxStatus.Dead, 10, CancellationToken.None)).First();
            dead.Add((item.ConversationId, $"Reply {i}"));
        }

        Assert.Empty(harness.Marketplace.Sent);
        return dead;
    }
}
