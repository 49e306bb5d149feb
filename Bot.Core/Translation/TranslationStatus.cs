namespace Bot.Core.Translation;

public enum TranslationStatus
{
    /// <summary>Source and target are the same language (or the text has nothing to translate).</summary>
    NotNeeded,

    /// <summary>No provider is configured; the detected language is still reported.</summary>
    Disabled,

    Translated,

    /// <summary>The provider failed or timed out; the original goes out with a short note.</summary>
    Failed,
}
