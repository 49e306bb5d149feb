namespace Bot.Core.Translation;

/// <summary>Which machine-translation API <c>Translation:Provider</c> selects.</summary>
public enum TranslationProvider
{
    /// <summary>Nothing is translated; the detected language is still reported.</summary>
    None,
    LibreTranslate,
    DeepL,
    Yandex,
    OpenAI,
}
