namespace Bot.Core.Translation;

/// <summary>Detection, protection of untranslatable tokens, caching and failure handling around a provider.
/// Never throws for a provider failure: it reports <see cref="TranslationStatus.Failed"/> instead.</summary>
public interface ITranslationService
{
    /// <summary>The most likely ISO 639-1 language of <paramref name="text"/>, or null when it cannot be told.</summary>
    string? DetectLanguage(string text);

    /// <param name="sourceLanguage">Known source language, or null to detect it.</param>
    Task<TranslationResult> TranslateAsync(string text, string? sourceLanguage, string targetLanguage, CancellationToken cancellationToken);
}
