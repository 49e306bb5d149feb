namespace Bot.Core.Translation;

/// <summary>Detection, protection of untranslatable tokens, caching and failure handling around a provider.
/// Never throws for a provider failure: it reports <see cref="TranslationStatus.Failed"/> instead.</summary>
public interface ITranslationService
{
    /// <param name="sourceLanguage">Known source language, or null to detect it.</param>
    Task<TranslationResult> TranslateAsync(string text, string? sourceLanguage, string targetLanguage, CancellationToken cancellationToken);
}
