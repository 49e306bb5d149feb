using Bot.Core.Conversations;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Outbox;
using Bot.Core.Staff;
using Bot.Core.Storage;
using Bot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Staff;

/// <summary>A new topic's marks (who has the conversation, the order's dispute) are read once, with its binding, and
/// the card its delivery sends right after shows them; a card sent by a later delivery reads them anew.</summary>
public sealed class CardMarksReadTests
{
    [Fact]
    public async Task NewTopicWithItsFirstPosts_ReadsTheMarksOnce()
    {
        var counter = new Counter();
        await using var harness = await StartAsync(counter);
        harness.Marketplace.AddBuyerMessage("conversation", "question 0");
        harness.Marketplace.AddBuyerMessage("conversation", "question 1");
        while (await harness.Get<MarketplaceIngestor>().PollOnceAsync(CancellationToken.None))
        {
        }

        await harness.Get<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        Assert.Single(harness.Gateway.Topics);
        var card = Assert.Single(harness.Gateway.Texts, t => t.Html.Contains("question 0", StringComparison.Ordinal));
        Assert.Contains("question 1", card.Html, StringComparison.Ordinal);
        Assert.Equal(1, counter.Reads);
    }

    [Fact]
    public async Task CardOfAnExistingTopic_ReadsTheMarksAgain()
    {
        var counter = new Counter();
        await using var harness = await StartAsync(counter);
        harness.Marketplace.AddBuyerMessage("conversation", "question 0");
        while (await harness.Get<MarketplaceIngestor>().PollOnceAsync(CancellationToken.None))
        {
        }

        await harness.Get<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);
        Assert.Equal(1, counter.Reads);

        Conversation conversation;
        ThreadBinding binding;
        await using (var session = await DbSession.ReadAsync(harness.Get<IDbConnectionFactory>(), CancellationToken.None))
        {
            var repository = harness.Get<IConversationRepository>();
            var id = (await repository.FindIdByExternalIdAsync(session, "conversation"))!.Value;
            conversation = (await repository.GetAsync(session, id))!;
            binding = (await repository.GetBindingAsync(session, id, Audience.Staff))!;
        }

        await harness.Get<TopicResolver>().SendCardAsync(conversation, binding, null, null, CancellationToken.None);

        Assert.Equal(2, counter.Reads);
    }

    private static Task<CoreHarness> StartAsync(Counter counter) =>
        CoreHarness.StartAsync(
            new Dictionary<string, string?> { ["Relay:MaxParallelDeliveries"] = "1", ["Relay:MergePosts"] = "true" },
            services =>
            {
                var registered = services.Last(d => d.ServiceType == typeof(ITopicMarks));
                services.AddSingleton<ITopicMarks>(sp => new CountingMarks(
                    (ITopicMarks)(registered.ImplementationInstance ?? registered.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)),
                    counter));
            });

    private sealed class Counter
    {
        private int reads;

        public int Reads => Volatile.Read(ref reads);

        public void Add() => Interlocked.Increment(ref reads);
    }

    private sealed class CountingMarks(ITopicMarks inner, Counter counter) : ITopicMarks
    {
        public Task<TopicMarks> ReadAsync(DbSession session, Conversation conversation)
        {
            counter.Add();
            return inner.ReadAsync(session, conversation);
        }
    }
}
