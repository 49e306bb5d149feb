using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Messages;

namespace Bot.Core.Export;

/// <summary>How one stored message, its copies and its delivery read in a transcript.</summary>
internal static class TranscriptEntries
{
    public static TranscriptEntry Of(StoredMessage message, Conversation conversation, IReadOnlyList<MessageCopy> copies, SendState? send, StaffChatOptions staff)
    {
        var onMarketplace = conversation.Kind == ConversationKind.Order ? "order comments" : "message center";
        var fromTelegram = message.Origin == MessageOrigin.Telegram;
        // A seller-side message that did not come from the marketplace was written by the bridge itself (the
        // off-hours acknowledgment): automatic, and said so.
        var automatic = fromTelegram && message.Role == AuthorRole.Seller;
        var author = message.Role switch
        {
            AuthorRole.Seller when automatic => $"Automatic ({message.AuthorName ?? "sent by the bridge"})",
            AuthorRole.Buyer when fromTelegram => $"Buyer in Telegram ({message.AuthorName ?? conversation.BuyerName ?? conversation.BuyerId})",
            AuthorRole.Buyer => $"Buyer ({message.AuthorName ?? conversation.BuyerName ?? conversation.BuyerId})",
            AuthorRole.Seller => "Seller center",
            _ => $"Staff ({message.AuthorName ?? "unnamed"})",
        };
        var channel = automatic ? $"Bridge → {onMarketplace}" : fromTelegram ? $"Telegram → {onMarketplace}" : Capitalised(onMarketplace);
        var posts = copies.Where(c => c.Target == CopyTarget.Marketplace).ToList();
        var picture = message.SourceFileType?.StartsWith("image/", StringComparison.Ordinal) != false; // a photo, or a picture sent as a file
        var images = message.ImageUrls.Concat(posts.Where(c => c.Provider == MarketplaceSendHandler.ImageCopy && c.Text is not null && picture).Select(c => c.Text!)).ToList();
        var notes = message.Files.Select(f => $"A file from the marketplace: {f.Name}.").ToList();
        var sentFile = message.SourceFileName is { } fileName ? $"A file sent in Telegram: {fileName}" : "A photo sent in Telegram";
        if (message.SourceFileId is not null)
        {
            notes.AddRange(posts.Any(c => c.Provider == MarketplaceSendHandler.ImageCopy)
                ? message.SourceFileName is null ? [] : [$"{sentFile}."]
                : [$"{sentFile} that did not reach the marketplace."]);
        }

        var (translation, language, note) = message.Role == AuthorRole.Staff
            ? SentText(posts)
            : StaffRead(message, copies.Where(c => c.Target == CopyTarget.Telegram && c.ChatId is { } chat && staff.IsStaffChat(chat)).ToList());
        var (delivery, reason) = fromTelegram ? Delivery(posts, send) : (DeliveryState.FromMarketplace, null);
        return new TranscriptEntry(
            message.Id, message.CreatedAt, author, message.Role == AuthorRole.Buyer, channel, message.Text, message.Language,
            translation, language, note, images, delivery, reason, notes);
    }

    /// <summary>What the marketplace got for a staff reply (every text part, in order).</summary>
    private static (string? Text, string? Language, string? Note) SentText(IReadOnlyList<MessageCopy> posts)
    {
        var parts = posts.Where(c => c.Provider != MarketplaceSendHandler.ImageCopy).OrderBy(c => c.Part).ToList();
        if (parts.Count == 0)
        {
            return (null, null, null);
        }

        var text = string.Concat(parts.Select(c => c.Text));
        var note = UntranslatedNote.IsOn(text) ? "Sent untranslated: the translator was unavailable." : null;
        return (text, parts[0].Language, note);
    }

    /// <summary>The translation staff read in their topic; a note when there was none though the languages differ.</summary>
    private static (string? Text, string? Language, string? Note) StaffRead(StoredMessage message, IReadOnlyList<MessageCopy> shown)
    {
        var first = shown.OrderBy(c => c.Part).FirstOrDefault();
        if (first?.Text is { } text)
        {
            return (text, first.Language, null);
        }

        if (first is null)
        {
            return (null, null, "Not shown to staff yet.");
        }

        var same = message.Language is not null && first.Language is not null
            && string.Equals(message.Language.Split('-')[0], first.Language.Split('-')[0], StringComparison.OrdinalIgnoreCase);
        return (null, null, same ? null : "Translation unavailable: staff saw the original.");
    }

    private static (DeliveryState State, string? Reason) Delivery(IReadOnlyList<MessageCopy> posts, SendState? send)
    {
        if (send?.Status == "dead")
        {
            return (DeliveryState.NotDelivered, send.LastError is { } error ? Logging.Secrets.Redact(error) : null);
        }

        if (posts.Count > 0 && posts.All(c => c.AcceptedAt is not null || c.RemoteMessageId is not null))
        {
            return (DeliveryState.Delivered, null);
        }

        return send?.Status == "pending" ? (DeliveryState.Pending, null) : (DeliveryState.Unknown, null);
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
