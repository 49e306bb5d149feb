using Bot.Core.Chat;
using Bot.Core.Formatting;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Core.Staff;

/// <summary>Posts a marketplace picture into a staff topic: fetched and uploaded, or a link when it cannot be.</summary>
public sealed class StaffImageSender(IChatGateway chat, IMediaFetcher media, IOptions<StaffOptions> options)
{
    public async Task<int> SendAsync(TopicSender topic, string url, CancellationToken cancellationToken)
    {
        var bytes = await media.FetchAsync(url, options.Value.MaxPhotoBytes, cancellationToken);
        if (bytes is null)
        {
            return await SendLinkAsync(topic, $"📷 A photo could not be fetched from the marketplace: {Html.Link(url, "open it there")}", cancellationToken);
        }

        var name = Path.GetFileName(new Uri(url).AbsolutePath);
        try
        {
            return await topic.SendAsync(
                (chatId, topicId) => chat.SendPhotoAsync(new ChatPhoto(chatId, topicId, bytes, string.IsNullOrEmpty(name) ? "photo.jpg" : name), cancellationToken),
                cancellationToken);
        }
        catch (ChatDeliveryException e) when (e.Kind == ChatErrorKind.BadRequest)
        {
            // Telegram refuses some images for good (IMAGE_PROCESS_FAILED, PHOTO_INVALID_DIMENSIONS, ...): retrying the
            // same bytes would only end in a dead letter, so staff get the link instead.
            return await SendLinkAsync(topic, $"📷 Telegram refused a photo from the marketplace ({Html.Escape(e.Message)}): {Html.Link(url, "open it there")}", cancellationToken);
        }
    }

    private async Task<int> SendLinkAsync(TopicSender topic, string html, CancellationToken cancellationToken) =>
        await topic.SendAsync((chatId, topicId) => chat.SendTextAsync(new ChatText(chatId, topicId, html), cancellationToken), cancellationToken);
}
