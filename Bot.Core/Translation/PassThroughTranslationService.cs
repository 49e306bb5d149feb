namespace Bot.Core.Translation;

/// <summary>Translates nothing; used until a provider is configured.</summary>
public sealed class PassThroughTranslationService : ITranslationService
{
    public Task<TranslationResult> TranslateAsync(string text, string? sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        Task.FromResult(TranslationResult.Untranslated(text, sourceLanguage, targetLanguage, TranslationStatus.Disabled));
}
