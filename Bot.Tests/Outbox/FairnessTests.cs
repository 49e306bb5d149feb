using Bot.Tests.Harness;


namespace Bot.Tests.Outbox;

public sealed class FairnessTests
{
    [Fact]
    public async Task BusyTopic_DoesNotStarveAQuietOne()
    {
        // One delivery at a time makes the order deterministic: only the dispatcher's choice of lane decides it.
        await using var harness = await CoreHarness.StartAsync(new Dictionary<string, string?>
        {
            // One message per send: this is about the dispatcher's choice of lane, not about merging.
            ["Relay:MaxParallelDeliveries"] = "1", ["Relay:MergePosts"] = "false",
        });
        for (var i = 0; i < 30; i++)
        {
            harness.Marketplace.AddBuyerMessage("busy", $"busy {i}");
        }

        harness.Marketplace.AddBuyerMessage("quiet", "quiet question", buyerId: "buyer-2", buyerName: "Bo");

        await harness.RunAsync();

        var texts = harness.Gateway.Texts.Select(t => t.Html).ToList();
        var quiet = texts.FindIndex(t => t.Contains("quiet question", StringComparison.Ordinal));
        // A lane delivers at most 16 items per turn; the next turn goes to the lane that waited longest, so the quiet
        // message is out before the busy topic's 17th.
        var seventeenthBusy = texts.FindIndex(t => t.Contains("busy 16", StringComparison.Ordinal));
        Assert.InRange(quiet, 0, seventeenthBusy);
        Assert.Equal(30, texts.Count(t => t.Contains("busy ", StringComparison.Ordinal)));
    }
}
