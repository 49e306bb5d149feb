using Bot.Testing;
using Bot.Testing.BotApi;
using Bot.Testing.Hosting;
using Bot.Testing.Images;

namespace Bot.Tests.EndToEnd;

/// <summary>Marketplace images that must not or cannot become a photo in the staff topic become a link instead.</summary>
public sealed class PhotoRefusalEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task LoopbackImage_WithTheProductionPolicy_IsPostedAsALink_WithoutBeingFetched()
    {
        await using var images = await ImageServer.StartAsync();
        await using var rig = await StaffGroupBridge.StartAsync(settings: new Dictionary<string, string?> { ["Relay:AllowPrivateMediaHosts"] = "false" });
        var (telegram, marketplace) = (rig.Telegram, rig.Marketplace);

        marketplace.AddBuyerMessage("62001", "See this", images: [$"{images.Url}/item.jpg?size=1&crop=2"]);

        var link = await LinkAsync(telegram, "could not be fetched");
        Assert.Contains($"href=\"{images.Url}/item.jpg?size=1&amp;crop=2\"", link.Text, StringComparison.Ordinal);
        Assert.Equal(0, images.Requests);
        Assert.DoesNotContain(telegram.SentTo(BridgeHost.StaffChatId), m => m.Photo is not null);
    }

    [Theory]
    [InlineData("Bad Request: IMAGE_PROCESS_FAILED")]
    [InlineData("Bad Request: wrong file identifier/HTTP URL specified")]
    [InlineData("Bad Request: PHOTO_INVALID_DIMENSIONS")]
    public async Task PhotoTelegramRefuses_IsPostedAsALink(string refusal)
    {
        await using var images = await ImageServer.StartAsync();
        await using var rig = await StaffGroupBridge.StartAsync();
        var (telegram, marketplace) = (rig.Telegram, rig.Marketplace);
        telegram.FailNext("sendPhoto", 1, 400, refusal);

        marketplace.AddBuyerMessage("62002", "The box was torn", images: [$"{images.Url}/item.jpg?a=1&b=2"]);

        var link = await LinkAsync(telegram, "Telegram refused a photo");
        Assert.Contains($"href=\"{images.Url}/item.jpg?a=1&amp;b=2\"", link.Text, StringComparison.Ordinal);
        Assert.Contains(refusal, link.VisibleText, StringComparison.Ordinal);
        Assert.NotNull(link.ThreadId);
    }

    [Fact]
    public async Task ImageTelegramCannotDecode_IsPostedAsALink_AndTheNextMessageStillArrives()
    {
        await using var images = await ImageServer.StartAsync();
        await using var rig = await StaffGroupBridge.StartAsync();
        var (telegram, marketplace) = (rig.Telegram, rig.Marketplace);

        marketplace.AddBuyerMessage("62003", "Photo attached", images: [$"{images.Url}/junk.jpg"]);
        await LinkAsync(telegram, "IMAGE_PROCESS_FAILED");
        marketplace.AddBuyerMessage("62003", "Did you get it?");

        await Eventually.ValueAsync(() => telegram.SentTo(BridgeHost.StaffChatId).FirstOrDefault(m => m.VisibleText?.Contains("Did you get it?", StringComparison.Ordinal) == true), Timeout);
    }

    private static Task<SentMessage> LinkAsync(FakeTelegramServer telegram, string fragment) =>
        Eventually.ValueAsync(() => telegram.SentTo(BridgeHost.StaffChatId).FirstOrDefault(m => m.VisibleText?.Contains(fragment, StringComparison.Ordinal) == true), Timeout);
}
