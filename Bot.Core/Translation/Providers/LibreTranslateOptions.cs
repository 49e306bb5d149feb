namespace Bot.Core.Translation.Providers;

public sealed class LibreTranslateOptions
{
    /// <summary>Base URL of the instance, e.g. http://libretranslate:5000 (the API is POST {Url}/translate).</summary>
    public string? Url { get; set; }

    /// <summary>Only needed when the instance runs with --api-keys.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Longest text per request. Self-hosted instances default to no limit (--char-limit);
    /// public ones commonly allow a few thousand characters.</summary>
    public int MaxChunkLength { get; set; } = 2000;
}
