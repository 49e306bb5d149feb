using Bot.Core.Chat;
using Bot.Core.Marketplace;
using Bot.Core.Messages;

namespace Bot.Core.MarketplaceRelay;

/// <summary>Takes the photo or document of a staff message from the chat (by its file id, which stays valid) and
/// uploads it to the marketplace: a document is checked again by its real size first (Telegram may not have said).</summary>
public sealed class StaffFileUpload(IMarketplaceClient marketplace, IChatGateway chat)
{
    /// <returns>The url to post it with.</returns>
    public async Task<string> UploadAsync(StoredMessage message, CancellationToken cancellationToken)
    {
        var fileId = message.SourceFileId ?? throw new InvalidOperationException($"Message {message.Id} carries no file.");
        var bytes = await chat.DownloadFileAsync(fileId, cancellationToken);
        if (message.SourceFileType is not { } type)
        {
            return await marketplace.UploadImageAsync(bytes, $"photo-{message.Id}.jpg", cancellationToken);
        }

        var name = message.SourceFileName ?? "file";
        return marketplace.Capabilities.Files.Refusal(name, type, bytes.Length) is { } refusal
            ? throw new MarketplaceException(MarketplaceErrorKind.Rejected, refusal)
            : await marketplace.UploadFileAsync(bytes, name, type, cancellationToken);
    }
}
