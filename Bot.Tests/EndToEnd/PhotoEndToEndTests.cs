using Bot.Testing;
using Bot.Testing.Hosting;
using Bot.Testing.Images;

namespace Bot.Tests.EndToEnd;

public sealed class PhotoEndToEndTests
{
    [Fact]
    public async Task MarketplaceImage_IsDownloaded_AndUploadedToTheTopicAsAPhoto()
    {
        await using var images = await ImageServer.StartAsync();
        var imageUrl = images.Url + "/item.jpg";

        await using var rig = await StaffGroupBridge.StartAsync();
        var (telegram, marketplace) = (rig.Telegram, rig.Marketplace);

        marketplace.AddBuyerMessage("61001", "This is what arrived", images: [imageUrl]);

        var photo = await Eventually.ValueAsync(() => telegram.SentTo(BridgeHost.StaffChatId).FirstOrDefault(m => m.Photo is not null), TimeSpan.FromSeconds(20));
        Assert.Equal(ImageServer.Jpeg, photo.Photo);
        Assert.NotNull(photo.ThreadId);
    }
}
