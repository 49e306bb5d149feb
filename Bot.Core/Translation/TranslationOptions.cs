using Bot.Core.Translation.Providers;

namespace Bot.Core.Translation;

/// <summary>The <c>Translation</c> configuration section.</summary>
public sealed class TranslationOptions
{
    public const string Section = "Translation";

    public TranslationProvider Provider { get; set; } = TranslationProvider.None;

    /// <summary>Comma-separated ISO 639-1 codes the detector chooses from. Fewer languages: faster, more accurate.</summary>
    /// <remarks>A string, not an array: the configuration binder appends to a default array instead of replacing it.</remarks>
    public string CandidateLanguages { get; set; } = "en,ru,es,pt,fr,de,it,pl,tr,uk,zh,ja,ko,ar,he,nl";

    /// <summary>Lowest confidence (0..1) of the best language; below it detection answers null.</summary>
    public double MinimumConfidence { get; set; } = 0.5;

    /// <summary>Texts with fewer letters than this (after removing numbers, links, emoji...) are not detected.</summary>
    public int MinimumLetters { get; set; } = 3;

    /// <summary>Load every candidate language model when the detector is built (steady latency, more memory at start).</summary>
    public bool PreloadLanguageModels { get; set; } = true;

    /// <summary>Per HTTP request to the provider.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public LibreTranslateOptions LibreTranslate { get; set; } = new();

    public DeepLOptions DeepL { get; set; } = new();

    public YandexOptions Yandex { get; set; } = new();

    public OpenAIOptions OpenAI { get; set; } = new();

    internal IReadOnlyList<string> CandidateLanguageCodes() =>
        CandidateLanguages.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToLowerInvariant())
            .Distinct()
            .ToList();
}
