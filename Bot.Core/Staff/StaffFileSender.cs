using Bot.Core.Chat;
using Bot.Core.Formatting;
using Bot.Core.Marketplace;

namespace Bot.Core.Staff;

/// <summary>Posts a marketplace file (a PDF) into a staff topic as a document: fetched and uploaded, or a note naming it
/// when it is larger than a bot may upload or cannot be fetched.</summary>
public sealed class StaffFileSender(IChatGateway chat, IMediaFetcher media)
{
    public async Task<int> SendAsync(TopicSender topic, MarketplaceFile file, CancellationToken cancellationToken)
    {
        if (file.Size > ChatLimits.MaxDocumentBytes)
        {
            return await SendNoteAsync(topic, $"📎 {Html.Escape(file.Name)} ({MarketplaceAttachments.Megabytes(file.Size.Value)}) is larger than the 50 MB a bot may post: open it in the seller portal.", cancellationToken);
        }

        var bytes = await media.FetchAsync(file.Url, ChatLimits.MaxDocumentBytes, cancellationToken);
        if (bytes is null)
        {
            return await SendNoteAsync(topic, $"📎 {Html.Escape(file.Name)} could not be fetched from the marketplace (too large, still in moderation or refused): open it in the seller portal.", cancellationToken);
        }

        try
        {
            return await topic.SendAsync((chatId, topicId) => chat.SendDocumentAsync(new ChatDocument(chatId, topicId, bytes, file.Name), cancellationToken), cancellationToken);
        }
        catch (ChatDeliveryException e) when (e.Kind == ChatErrorKind.BadRequest)
        {
            // Refused for good (a file Telegram will not take): retrying the same bytes would only end in a dead letter.
            return await SendNoteAsync(topic, $"📎 Telegram refused {Html.Escape(file.Name)} from the marketplace ({Html.Escape(e.Message)}): open it in the seller portal.", cancellationToken);
        }
    }

    private async Task<int> SendNoteAsync(TopicSender topic, string html, CancellationToken cancellationToken) =>
        await topic.SendAsync((chatId, topicId) => chat.SendTextAsync(new ChatText(chatId, topicId, html), cancellationToken), cancellationToken);
}
