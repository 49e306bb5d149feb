using Bot.Tests.Harness;
using Moq;

namespace Bot.Tests.Staff;

public sealed class PhotoRelayTests
{
    [Fact]
    public async Task MarketplaceImages_AreUploadedAsPhotos_AndAMissingOneBecomesALink()
    {
        await using var harness = await CoreHarness.StartAsync();
        harness.Media.Setup(m => m.FetchAsync("https://img.example/a.jpg", It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([0xFF, 0xD8, 0xFF]);
        harness.Media.Setup(m => m.FetchAsync("https://img.example/gone.jpg", It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync((byte[]?)null);
        harness.Marketplace.AddBuyerMessage("7100", "", images: ["https://img.example/a.jpg", "https://img.example/gone.jpg"]);

        await harness.RunAsync();

        var photo = Assert.Single(harness.Gateway.Photos);
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, photo.Content);
        Assert.Equal("a.jpg", photo.FileName);
        Assert.Contains(harness.Gateway.Texts, t => t.Html.Contains("href=\"https://img.example/gone.jpg\"", StringComparison.Ordinal));
    }
}
