using Bot.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.EndToEnd;

public sealed class PhotoEndToEndTests
{
    [Fact]
    public async Task MarketplaceImage_IsDownloaded_AndUploadedToTheTopicAsAPhoto()
    {
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4 };
        var images = WebApplication.CreateSlimBuilder();
        images.WebHost.UseUrls("http://127.0.0.1:0");
        await using var imageServer = images.Build();
        imageServer.MapGet("/item.jpg", () => Results.Bytes(jpeg, "image/jpeg"));
        await imageServer.StartAsync();
        var imageUrl = imageServer.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/item.jpg";

        await using var rig = await StaffGroupBridge.StartAsync();
        var (telegram, marketplace) = (rig.Telegram, rig.Marketplace);

        marketplace.AddBuyerMessage("61001", "This is what arrived", images: [imageUrl]);

        var photo = await telegram.WaitForItemAsync(() => telegram.SentTo(BridgeHost.StaffChatId).FirstOrDefault(m => m.Photo is not null), TimeSpan.FromSeconds(20));
        Assert.Equal(jpeg, photo.Photo);
        Assert.NotNull(photo.ThreadId);
    }
}
