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

    /// <summary>Lowest confidence (0..1) of the best language; below it detection answers null. Confidence is spread
    /// over all candidates, so on a two-word message even the right language often scores only 0.3.</summary>
    public double MinimumConfidence { get; set; } = 0.25;

    /// <summary>How many times likelier the best language must be than the runner-up. A null lets the provider
    /// detect the language itself; a wrong guess would skip or garble a translation.</summary>
    public double MinimumLeadRatio { get; set; } = 2.0;

    /// <summary>Texts with fewer letters than this (after removing numbers, links, emoji...) are not detected;
    /// a Chinese, Japanese or Korean character counts as two.</summary>
    public int MinimumLetters { get; set; } = 3;

    /// <summary>Load every candidate's pruned models when the detector is built (about 40 MB of heap for the default
    /// 16 languages) instead of on first use of each script.</summary>
    public bool PreloadLanguageModels { get; set; }

    /// <summary>Lingua's low accuracy mode: trigram models only, far less memory and load time, but much weaker on
    /// texts under ~120 characters (most chat messages).</summary>
    public bool LowAccuracyMode { get; set; }

    /// <summary>How long the complete high-accuracy models (about 330 MB for 16 languages) stay loaded after the last
    /// short text the pruned models could not tell; they load again when one comes.</summary>
    public TimeSpan FullModelsIdleTime { get; set; } = TimeSpan.FromMinutes(2);

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
