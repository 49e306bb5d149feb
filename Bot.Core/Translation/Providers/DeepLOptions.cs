namespace Bot.Core.Translation.Providers;

public sealed class DeepLOptions
{
    public string? ApiKey { get; set; }

    /// <summary>Optional; by default https://api-free.deepl.com for keys ending in ":fx", otherwise https://api.deepl.com.</summary>
    public string? Url { get; set; }

    /// <summary>DeepL caps the whole request body at 128 KiB; 15,000 characters stays under it even when every
    /// character is JSON-escaped as \uXXXX (6 bytes).</summary>
    public int MaxChunkLength { get; set; } = 15_000;

    internal Uri BaseUri() => new(
        !string.IsNullOrWhiteSpace(Url) ? Url
        : ApiKey?.EndsWith(":fx", StringComparison.Ordinal) == true ? "https://api-free.deepl.com"
        : "https://api.deepl.com");
}
