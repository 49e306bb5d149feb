using System.Diagnostics;
using Bot.Core.Translation.Protection;
using Lingua;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Translation.Detection;

/// <summary>Lingua restricted to the configured candidate languages. Built once per process (a singleton): building
/// with preloaded models reads and decompresses every candidate's n-gram models, which takes seconds and
/// a few hundred MB; detection itself is thread-safe.</summary>
public sealed partial class LanguageDetection
{
    private readonly LanguageDetector detector;
    private readonly double minimumConfidence;
    private readonly double minimumLeadRatio;
    private readonly int minimumLetters;

    public LanguageDetection(IOptions<TranslationOptions> options, ILogger<LanguageDetection> logger)
    {
        var o = options.Value;
        var languages = o.CandidateLanguageCodes()
            .Select(code => LinguaLanguages.TryGet(code, out var language)
                ? language
                : throw new OptionsValidationException(nameof(TranslationOptions), typeof(TranslationOptions), [$"Unknown language '{code}' in Translation__CandidateLanguages."]))
            .ToArray();
        var started = Stopwatch.GetTimestamp();
        // Lingua needs at least two languages to choose between.
        var builder = languages.Length >= 2
            ? LanguageDetectorBuilder.FromLanguages(languages)
            : LanguageDetectorBuilder.FromLanguages([.. languages, languages.Contains(Language.English) ? Language.Russian : Language.English]);
        if (o.PreloadLanguageModels)
        {
            builder = builder.WithPreloadedLanguageModels();
        }

        if (o.LowAccuracyMode)
        {
            builder = builder.WithLowAccuracyMode();
        }

        detector = builder.Build();
        minimumConfidence = o.MinimumConfidence;
        minimumLeadRatio = o.MinimumLeadRatio;
        minimumLetters = o.MinimumLetters;
        Languages = languages.Select(LinguaLanguages.Code).ToList();
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogBuilt(logger, languages.Length, o.PreloadLanguageModels, elapsed.TotalMilliseconds);
    }

    public IReadOnlyList<string> Languages { get; }

    /// <summary>ISO 639-1 code of the most likely candidate language, or null when the text is too short, has no
    /// letters (emoji, numbers, links only) or no language is clearly ahead.</summary>
    public string? Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = TextProtector.Protect(text).Words;
        if (words.Sum(LetterWeight) < minimumLetters)
        {
            return null;
        }

        var ranked = detector.ComputeLanguageConfidenceValues(words).Take(2).ToList();
        if (ranked.Count == 0 || ranked[0].Key == Language.Unknown || ranked[0].Value < minimumConfidence)
        {
            return null;
        }

        var runnerUp = ranked.Count > 1 ? ranked[1].Value : 0;
        return ranked[0].Value >= runnerUp * minimumLeadRatio ? LinguaLanguages.Code(ranked[0].Key) : null;
    }

    /// <summary>A CJK ideograph, kana or hangul syllable carries about a word; a Latin letter does not.</summary>
    private static int LetterWeight(char c) => c switch
    {
        >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' => 2,
        _ when char.IsLetter(c) => 1,
        _ => 0,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Language detector built for {Count} languages (preloaded: {Preloaded}) in {ElapsedMs:F0} ms")]
    private static partial void LogBuilt(ILogger logger, int count, bool preloaded, double elapsedMs);
}
