namespace Bot.Core.Chat;

/// <summary>A file a person sent (Telegram's <c>document</c>): what the chat says about it before it is downloaded.</summary>
/// <param name="FileName">The name the sender's app gave it, when it gave one.</param>
/// <param name="MimeType">The type the sender's app declared, when it declared one.</param>
/// <param name="Size">Its size in bytes, when the chat says.</param>
public sealed record ChatFile(string FileId, string? FileName, string? MimeType, long? Size)
{
    public string Name => string.IsNullOrWhiteSpace(FileName) ? "file" : FileName;

    /// <summary>The declared type, else the one its name's extension implies (PDF, JPEG, PNG), else null.</summary>
    public string? ContentType => !string.IsNullOrWhiteSpace(MimeType) ? MimeType.ToLowerInvariant()
        : Path.GetExtension(Name).ToLowerInvariant() switch
        {
            ".pdf" => "application/pdf",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".png" => "image/png",
            _ => null,
        };
}
