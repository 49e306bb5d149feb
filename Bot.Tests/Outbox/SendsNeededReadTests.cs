using System.Collections.Concurrent;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Outbox;

/// <summary>What the staff posts at the heads of a round's lanes need of their chat's budget (a new topic, photos,
/// files) is read once for the round, not once per lane, and still counts each post's sends.</summary>
public sealed class SendsNeededReadTests
{
    [Fact]
    public async Task RoundOfThreeLanes_ReadsTheirShapesOnce()
    {
        var calls = new ConcurrentDictionary<string, int>();
        await using var harness = await StartAsync(calls);
        foreach (var order in new[] { "order-a", "order-b", "order-c" })
        {
            harness.Marketplace.AddBuyerMessage(order, $"question about {order}");
        }

        while (await harness.Get<MarketplaceIngestor>().PollOnceAsync(CancellationToken.None))
        {
        }

        await harness.Get<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        Assert.Equal(3, harness.Gateway.Topics.Count);
        Assert.Equal(1, calls.GetValueOrDefault(nameof(IMessageRepository.GetStaffPostShapesAsync)));
        Assert.Equal(0, calls.GetValueOrDefault(nameof(IMessageRepository.GetStaffPostShapeAsync)));
    }

    [Fact]
    public async Task PostWithPhotos_CountsATopicAndEachPhoto()
    {
        await using var harness = await StartAsync(new ConcurrentDictionary<string, int>());
        harness.Marketplace.AddBuyerMessage("order-a", "two photos", images: ["https://example.test/1.jpg", "https://example.test/2.jpg"]);
        while (await harness.Get<MarketplaceIngestor>().PollOnceAsync(CancellationToken.None))
        {
        }

        var handler = harness.Get<IEnumerable<IDeliveryHandler>>().Single(h => h.Kind == OutboxKinds.StaffPost);
        var head = Assert.Single(await harness.Get<IOutboxRepository>().GetDueHeadsAsync(10, CancellationToken.None));

        var sends = await handler.SendsNeededAsync([head], CancellationToken.None);

        // The text with the card under it (merged as shipped), the topic, two photos; the same as asked alone.
        Assert.Equal(4, sends[head.Id]);
        Assert.Equal(await handler.SendsNeededAsync(head, CancellationToken.None), sends[head.Id]);
    }

    private static Task<CoreHarness> StartAsync(ConcurrentDictionary<string, int> calls) =>
        CoreHarness.StartAsync(
            new Dictionary<string, string?> { ["Relay:MaxParallelDeliveries"] = "1" },
            services =>
            {
                var registered = services.Last(d => d.ServiceType == typeof(IMessageRepository));
                services.AddSingleton(sp => CountingProxy.Wrap(
                    (IMessageRepository)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!), calls));
            });
}
