namespace Bot.Core.Translation;

/// <summary>Detection, protection of untranslatable tokens, caching and failure handling around a provider.
/// Never throws for a provider failure: it reports <see cref="TranslationStatus.Failed"/> instead.</summary>
public interface ITranslationService
{
    /// <param name="sourceLanguage">Known source language, or null to detect it.</param>
    Task<TranslationResult> TranslateAsync(string text, string? sourceLanguage, string targetLanguage, CancellationToken cancellationToken);

    /// <param name="sourceLanguage">Known source language, or null to detect it.</param>
    /// <param name="likelyLanguage">The language the text is likely in (the conversation's buyer language, the staff's
    /// language), or null when nothing is known. Where one is given, a short text the compact detection models cannot
    /// tell is left for the provider to detect instead of loading the complete models (some 300 MB) for it: the caller
    /// already has the label it would fall back to.</param>
    Task<TranslationResult> TranslateAsync(string text, string? sourceLanguage, string? likelyLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        TranslateAsync(text, sourceLanguage, targetLanguage, cancellationToken);
}
