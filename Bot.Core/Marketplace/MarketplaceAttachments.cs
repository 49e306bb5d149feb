using System.Globalization;

namespace Bot.Core.Marketplace;

/// <summary>Which files staff may send into a marketplace conversation: their types (MIME) and the largest size of one.
/// The bridge posts one file per marketplace message.</summary>
public sealed record MarketplaceAttachments(IReadOnlyList<string> ContentTypes, long MaxBytes)
{
    /// <summary>JPEG and PNG pictures (what a marketplace that takes photos takes at least), up to the 20 MB a bot can
    /// download from Telegram.</summary>
    public static MarketplaceAttachments Images { get; } = new(["image/jpeg", "image/png"], 20 * 1024 * 1024);

    /// <summary>No files at all.</summary>
    public static MarketplaceAttachments None { get; } = new([], 0);

    public bool Accepts(string? contentType) => contentType is not null && ContentTypes.Contains(contentType.ToLowerInvariant());

    /// <summary>Why the file cannot go to the marketplace, as a sentence for staff; null when it can.</summary>
    public string? Refusal(string fileName, string? contentType, long? size)
    {
        var labels = ContentTypes.Select(Label).ToList();
        var kinds = labels.Count > 1 ? $"{string.Join(", ", labels[..^1])} or {labels[^1]}" : string.Concat(labels);
        if (ContentTypes.Count == 0)
        {
            return $"this marketplace takes no files, and {fileName} is one.";
        }

        if (!Accepts(contentType))
        {
            var what = contentType is null ? "of no type the bridge can tell" : Label(contentType) == contentType ? $"of type {contentType}" : $"a {Label(contentType)} file";
            return $"{fileName} is {what}, and this marketplace takes only {kinds} files.";
        }

        return size > MaxBytes ? $"{fileName} has {Megabytes(size.Value)}, and this marketplace takes files of at most {Megabytes(MaxBytes)}." : null;
    }

    /// <summary>A short name for a MIME type: "PDF" for application/pdf, "JPEG" for image/jpeg.</summary>
    public static string Label(string contentType) => contentType.ToLowerInvariant() switch
    {
        "image/jpeg" => "JPEG",
        "image/png" => "PNG",
        "image/gif" => "GIF",
        "application/pdf" => "PDF",
        var other => other,
    };

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
}
