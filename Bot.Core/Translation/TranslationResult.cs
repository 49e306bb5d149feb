namespace Bot.Core.Translation;

/// <summary>What the translation service made of one text.</summary>
/// <param name="Text">The translation when <see cref="Status"/> is Translated, otherwise the original.</param>
/// <param name="SourceLanguage">Detected or given source language; null when it could not be told.</param>
public sealed record TranslationResult(
    string Original,
    string Text,
    string? SourceLanguage,
    string TargetLanguage,
    TranslationStatus Status,
    string? Provider = null)
{
    public bool IsTranslated => Status == TranslationStatus.Translated && !string.Equals(Text, Original, StringComparison.Ordinal);

    public static TranslationResult Untranslated(string text, string? source, string target, TranslationStatus status) =>
        new(text, text, source, target, status);
}
