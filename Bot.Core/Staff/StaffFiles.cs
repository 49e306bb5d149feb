using Bot.Core.Chat;
using Bot.Core.Marketplace;

namespace Bot.Core.Staff;

/// <summary>Whether a document staff sent in a topic can go to the marketplace.</summary>
public static class StaffFiles
{
    /// <summary>The note for staff when it cannot (its type, its size, or more than a bot may download from
    /// Telegram), or null when it can.</summary>
    public static string? Refusal(MarketplaceCapabilities capabilities, ChatFile file)
    {
        var reason = capabilities.Files.Refusal(file.Name, file.ContentType, file.Size)
            ?? (file.Size > ChatLimits.MaxDownloadBytes
                ? $"{file.Name} has {MarketplaceAttachments.Megabytes(file.Size.Value)}, and a bot can fetch files of at most 20 MB from Telegram."
                : null);
        return reason is null ? null : $"Not sent to the buyer: {reason} Nothing of this message was sent.";
    }
}
