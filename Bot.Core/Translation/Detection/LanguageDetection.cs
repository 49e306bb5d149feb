using System.Diagnostics;
using Bot.Core.Translation.Protection;
using Lingua;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Translation.Detection;

/// <summary>Lingua restricted to the configured candidate languages, in two tiers. Every text goes first to Lingua's
/// high-accuracy algorithm over pruned models (<see cref="PrunedLanguageModels"/>: all one- to three-grams, the
/// frequent four- and five-grams), held as compact tables (<see cref="CompactDetector"/>: about 11 MB for 16 languages
/// where Lingua's own dictionaries of them take about 46 MB). A short text those cannot tell goes to the complete
/// models (<see cref="FullModelDetector"/>), loaded only then and dropped after <see cref="TranslationOptions.FullModelsIdleTime"/>.
/// A singleton; detection is thread-safe.</summary>
public sealed partial class LanguageDetection : IDisposable
{
    /// <summary>Up to this many letters a text may go to the complete models; beyond it Lingua's own documentation
    /// finds the smaller models as accurate.</summary>
    internal const int ShortTextLetters = 120;

    private readonly Lazy<Func<string, IEnumerable<KeyValuePair<Language, double>>>> detector;
    private readonly FullModelDetector? full;
    private readonly double minimumConfidence;
    private readonly double minimumLeadRatio;
    private readonly int minimumLetters;

    public LanguageDetection(IOptions<TranslationOptions> options, TimeProvider time, ILogger<LanguageDetection> logger)
        : this(options, time, logger, PrunedLanguageModels.MinimumCount)
    {
    }

    /// <param name="prunedMinimumCount">The pruned models' threshold (<see cref="PrunedLanguageModels.MinimumCount"/>
    /// as shipped; the benchmark compares others).</param>
    internal LanguageDetection(IOptions<TranslationOptions> options, TimeProvider time, ILogger<LanguageDetection> logger, int prunedMinimumCount)
    {
        var o = options.Value;
        var languages = o.CandidateLanguageCodes()
            .Select(code => LinguaLanguages.TryGet(code, out var language)
                ? language
                : throw new OptionsValidationException(nameof(TranslationOptions), typeof(TranslationOptions), [$"Unknown language '{code}' in Translation__CandidateLanguages."]))
            .ToArray();
        // Lingua needs at least two languages to choose between.
        var choices = languages.Length >= 2
            ? languages
            : [.. languages, languages.Contains(Language.English) ? Language.Russian : Language.English];
        detector = new Lazy<Func<string, IEnumerable<KeyValuePair<Language, double>>>>(() => Build(choices, o, prunedMinimumCount, logger), LazyThreadSafetyMode.ExecutionAndPublication);
        full = o.LowAccuracyMode ? null : new FullModelDetector(choices, o.FullModelsIdleTime, time);
        minimumConfidence = o.MinimumConfidence;
        minimumLeadRatio = o.MinimumLeadRatio;
        minimumLetters = o.MinimumLetters;
        Languages = languages.Select(LinguaLanguages.Code).ToList();
        if (o.PreloadLanguageModels)
        {
            _ = detector.Value;
        }
    }

    public IReadOnlyList<string> Languages { get; }

    /// <summary>Whether the complete models are in memory now, and how often they were loaded.</summary>
    internal FullModelDetector? Full => full;

    /// <summary>Whether the first tier's models were built (on the first text detected).</summary>
    internal bool FirstTierBuilt => detector.IsValueCreated;

    /// <summary>ISO 639-1 code of the most likely candidate language, or null when the text is too short, has no
    /// letters (emoji, numbers, links only) or no language is clearly ahead.</summary>
    public string? Detect(string text) => Detect(text, mayLoadFullModels: true);

    /// <summary>As <see cref="Detect(string)"/>, using the complete models only if they are already in memory. For an
    /// answer that is only a label (no translation provider is configured), a short unclear text is not worth loading
    /// some 300 MB for several seconds while the message waits.</summary>
    public string? DetectWithoutLoading(string text) => Detect(text, mayLoadFullModels: false);

    private string? Detect(string text, bool mayLoadFullModels)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = TextProtector.Protect(text).Words;
        var letters = words.Sum(LetterWeight);
        if (letters < minimumLetters)
        {
            return null;
        }

        var answer = Decide(detector.Value(words).Take(2).ToList());
        ModelMemory.AfterDetecting(words);
        if (answer is null && full is not null && letters <= ShortTextLetters && (mayLoadFullModels || full.IsLoaded))
        {
            answer = Decide(full.Rank(words));
            Interlocked.Increment(ref fullModelAsks);
            if (answer is not null)
            {
                Interlocked.Increment(ref fullModelAnswers);
            }
        }

        return answer;
    }

    private long fullModelAsks;
    private long fullModelAnswers;

    /// <summary>How many texts went to the complete models, and how many of them those told (the benchmark weighs what
    /// loading them buys).</summary>
    internal (long Asked, long Told) FullModelUse => (Interlocked.Read(ref fullModelAsks), Interlocked.Read(ref fullModelAnswers));

    public void Dispose() => full?.Dispose();

    private string? Decide(IReadOnlyList<KeyValuePair<Language, double>> ranked)
    {
        if (ranked.Count == 0 || ranked[0].Key == Language.Unknown || ranked[0].Value < minimumConfidence)
        {
            return null;
        }

        var runnerUp = ranked.Count > 1 ? ranked[1].Value : 0;
        return ranked[0].Value >= runnerUp * minimumLeadRatio ? LinguaLanguages.Code(ranked[0].Key) : null;
    }

    /// <summary>Lingua's algorithm over compact models (<see cref="CompactDetector"/>): low accuracy over Lingua's own
    /// trigram models, otherwise high accuracy over the pruned models (written on first use).</summary>
    private static Func<string, IEnumerable<KeyValuePair<Language, double>>> Build(Language[] languages, TranslationOptions o, int prunedMinimumCount, ILogger logger)
    {
        var started = Stopwatch.GetTimestamp();
        var builder = LanguageDetectorBuilder.FromLanguages(languages);
        Func<string, IEnumerable<KeyValuePair<Language, double>>> built;
        if (o.LowAccuracyMode)
        {
            var models = new CompactLanguageModels(PrunedLanguageModels.ShippedDirectory, languages);
            if (o.PreloadLanguageModels)
            {
                models.Preload(3);
            }

            built = new CompactDetector(builder.WithLowAccuracyMode().Build(), models, lowAccuracy: true).ComputeLanguageConfidenceValues;
        }
        else
        {
            var directory = PrunedLanguageModels.Ensure(languages, prunedMinimumCount);
            var models = new CompactLanguageModels(directory, languages);
            if (o.PreloadLanguageModels)
            {
                models.Preload();
            }

            // Lingua here only applies its rules; it reads no model (the directory is given all the same).
            built = new CompactDetector(builder.WithLanguageModelsDirectory(directory).Build(), models).ComputeLanguageConfidenceValues;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        LogBuilt(logger, languages.Length, o.PreloadLanguageModels, o.LowAccuracyMode, elapsed.TotalMilliseconds);
        return built;
    }

    /// <summary>A CJK ideograph, kana or hangul syllable carries about a word; a Latin letter does not.</summary>
    private static int LetterWeight(char c) => c switch
    {
        >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' => 2,
        _ when char.IsLetter(c) => 1,
        _ => 0,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Language detector built for {Count} languages (preloaded: {Preloaded}, low accuracy: {LowAccuracy}) in {ElapsedMs:F0} ms")]
    private static partial void LogBuilt(ILogger logger, int count, bool preloaded, bool lowAccuracy, double elapsedMs);
}
