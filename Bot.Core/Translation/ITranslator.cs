namespace Bot.Core.Translation;

/// <summary>One machine-translation provider (the seam to its HTTP API).</summary>
/// <remarks>Throws on failure (HTTP error, timeout, garbage answer); callers treat any exception as "translation unavailable".</remarks>
public interface ITranslator
{
    /// <summary>Stable provider name, part of the cache key and shown in copies ("DeepL", "LibreTranslate", ...).</summary>
    string Name { get; }

    /// <param name="sourceLanguage">ISO 639-1 code, or null to let the provider detect it.</param>
    /// <param name="targetLanguage">ISO 639-1 code.</param>
    Task<string> TranslateAsync(string text, string? sourceLanguage, string targetLanguage, CancellationToken cancellationToken);
}
