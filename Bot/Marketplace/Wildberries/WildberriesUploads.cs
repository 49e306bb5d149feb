using System.Collections.Concurrent;
using Bot.Core.Marketplace;

namespace Bot.Marketplace.Wildberries;

/// <summary>Wildberries takes files only with the message that carries them (<c>file[]</c> of the send), so a staff
/// photo or PDF is kept here between <c>UploadImageAsync</c> and the send, under a reference the core records as the image's
/// url. Kept in memory: after a restart the reference is gone and the send is refused with a sentence for staff.</summary>
internal sealed class WildberriesUploads
{
    public const string Scheme = "wildberries-upload:";

    private readonly ConcurrentDictionary<string, (byte[] Data, string FileName, string ContentType)> files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> sentTo = new(StringComparer.Ordinal);

    /// <summary>Each file at most 5 MB (30 MB in one message; the bridge sends one at a time).</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The types <c>file</c> takes: JPEG, PNG and PDF.</summary>
    public static readonly MarketplaceAttachments Accepted = new(["image/jpeg", "image/png", "application/pdf"], MaxFileBytes);

    /// <summary>Keeps a JPEG, PNG or PDF (told by its first bytes, not its name) of at most 5 MB; anything else is refused
    /// before anything is posted.</summary>
    public string Add(byte[] data, string fileName, string what = "photo")
    {
        var contentType = data is [0xFF, 0xD8, 0xFF, ..] ? "image/jpeg" : data is [0x89, 0x50, 0x4E, 0x47, ..] ? "image/png"
            : data is [0x25, 0x50, 0x44, 0x46, 0x2D, ..] ? "application/pdf"
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Wildberries takes JPEG, PNG or PDF files only, and this {what} is none of them.");
        if (data.Length > MaxFileBytes)
        {
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Wildberries takes files up to 5 MB, and this {what} has {MarketplaceAttachments.Megabytes(data.Length)}.");
        }

        fileName = Path.ChangeExtension(fileName, contentType switch { "image/png" => ".png", "application/pdf" => ".pdf", _ => ".jpg" });
        var reference = Scheme + Guid.NewGuid().ToString("N");
        files[reference] = (data, fileName, contentType);
        return reference;
    }

    public (byte[] Data, string FileName, string ContentType)? Find(string reference) =>
        files.TryGetValue(reference, out var file) ? file : null;

    /// <summary>The file was posted into the chat: its echo (a seller image without text) will be matched to the reference.</summary>
    public void Sent(string reference, string chatId)
    {
        files.TryRemove(reference, out _);
        sentTo.GetOrAdd(chatId, _ => new ConcurrentQueue<string>()).Enqueue(reference);
    }

    /// <summary>The oldest reference posted into the chat and not yet seen coming back.</summary>
    public string? TakeSent(string chatId) =>
        sentTo.TryGetValue(chatId, out var queue) && queue.TryDequeue(out var reference) ? reference : null;
}
