using System.Collections.Concurrent;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Outbox;
using Bot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Outbox;

/// <summary>A lane's next item is asked for after a send only when the send did not carry everything the lane had due
/// when it was read before the send; a send that carried less still goes on with the lane's next item in the same round.</summary>
public sealed class LaneNextReadTests
{
    [Fact]
    public async Task MergedSendCarryingTheWholeLane_DoesNotReadTheLaneAgain()
    {
        var calls = new ConcurrentDictionary<string, int>();
        await using var harness = await StartAsync(calls, merge: true);
        await IngestAsync(harness, 3);

        var attempted = await harness.Get<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        Assert.Equal(1, attempted); // one lane run: the head carrying its two successors
        Assert.Equal(0, calls.GetValueOrDefault(nameof(IOutboxRepository.GetNextDueInLaneAsync)));
        Assert.Equal(1, calls.GetValueOrDefault(nameof(IOutboxRepository.GetDueInLaneAsync)));
        var posted = string.Join("\n", harness.Gateway.Texts.Select(t => t.Html));
        Assert.All(Enumerable.Range(0, 3), i => Assert.Contains($"question {i}", posted, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendsCarryingOnePostEach_GoOnWithTheLane_InTheSameRound()
    {
        var calls = new ConcurrentDictionary<string, int>();
        await using var harness = await StartAsync(calls, merge: false);
        await IngestAsync(harness, 3);

        var attempted = await harness.Get<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        Assert.Equal(3, attempted);
        // After the first two sends; the third carried the last item the lane had due, so nothing is asked after it.
        Assert.Equal(2, calls.GetValueOrDefault(nameof(IOutboxRepository.GetNextDueInLaneAsync)));
        Assert.Equal(3, harness.Gateway.Texts.Count(t => t.Html.Contains("question ", StringComparison.Ordinal)));
    }

    private static Task<CoreHarness> StartAsync(ConcurrentDictionary<string, int> calls, bool merge) =>
        CoreHarness.StartAsync(
            new Dictionary<string, string?> { ["Relay:MaxParallelDeliveries"] = "1", ["Relay:MergePosts"] = merge ? "true" : "false" },
            services =>
            {
                var registered = services.Last(d => d.ServiceType == typeof(IOutboxRepository));
                services.AddSingleton(sp => CountingProxy.Wrap(
                    (IOutboxRepository)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!), calls));
            });

    private static async Task IngestAsync(CoreHarness harness, int messages)
    {
        for (var i = 0; i < messages; i++)
        {
            harness.Marketplace.AddBuyerMessage("conversation", $"question {i}");
        }

        while (await harness.Get<MarketplaceIngestor>().PollOnceAsync(CancellationToken.None))
        {
        }
    }
}
