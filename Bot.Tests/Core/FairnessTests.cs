using Bot.Tests.Fakes;

namespace Bot.Tests.Core;

public sealed class FairnessTests
{
    [Fact]
    public async Task BusyTopic_DoesNotStarveAQuietOne()
    {
        await using var harness = await CoreHarness.StartAsync();
        for (var i = 0; i < 30; i++)
        {
            harness.Marketplace.AddBuyerMessage("busy", $"busy {i}");
        }

        harness.Marketplace.AddBuyerMessage("quiet", "quiet question", buyerId: "buyer-2", buyerName: "Bo");

        await harness.RunAsync();

        var texts = harness.Gateway.Texts.Select(t => t.Html).ToList();
        var quiet = texts.FindIndex(t => t.Contains("quiet question", StringComparison.Ordinal));
        var tenthBusy = texts.FindIndex(t => t.Contains("busy 9", StringComparison.Ordinal));
        Assert.InRange(quiet, 0, tenthBusy); // among the first sends, not after the 30 busy ones
        Assert.Equal(30, texts.Count(t => t.Contains("busy ", StringComparison.Ordinal)));
    }
}
