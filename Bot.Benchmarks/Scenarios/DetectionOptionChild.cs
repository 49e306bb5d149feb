using System.Globalization;
using Bot.Benchmarks.Infrastructure;
using Bot.Core.Translation;
using Bot.Core.Translation.Detection;
using Bot.Core.Translation.Protection;
using Bot.Testing.Translation;
using Lingua;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Benchmarks.Scenarios;

/// <summary>The child process of scenario 5: one detection option over the tests' corpus, with its accuracy and the
/// memory it holds (Lingua keeps models in statics, so each option needs a process of its own).</summary>
public static class DetectionOptionChild
{
    public const string ResultPrefix = "DETECTION-RESULT ";

    public static int Run(string option)
    {
        var before = ProcessMemory.AfterFullCollection();
        var options = new TranslationOptions();
        var languages = options.CandidateLanguageCodes().Select(c => LinguaLanguages.TryGet(c, out var l) ? l : throw new InvalidOperationException(c)).ToArray();
        LanguageDetection? shipped = null;
        Func<string, string?> detect = option switch
        {
            "complete" => Raw(LanguageDetectorBuilder.FromLanguages(languages).WithPreloadedLanguageModels().Build(), options),
            "low" => Raw(LanguageDetectorBuilder.FromLanguages(languages).WithLowAccuracyMode().WithPreloadedLanguageModels().Build(), options),
            "pruned" => Raw(LanguageDetectorBuilder.FromLanguages(languages).WithLanguageModelsDirectory(PrunedLanguageModels.Ensure(languages)).WithPreloadedLanguageModels().Build(), options),
            "compact" => Compact(languages, options),
            "low-compact" => (shipped = new LanguageDetection(Options.Create(new TranslationOptions { LowAccuracyMode = true, PreloadLanguageModels = true }),
                TimeProvider.System, NullLogger<LanguageDetection>.Instance)).Detect,
            "two-tier" => (shipped = new LanguageDetection(Options.Create(new TranslationOptions { PreloadLanguageModels = true }), TimeProvider.System, NullLogger<LanguageDetection>.Instance)).Detect,
            _ when option.StartsWith("pruned-", StringComparison.Ordinal) => Raw(LanguageDetectorBuilder.FromLanguages(languages)
                .WithLanguageModelsDirectory(PrunedLanguageModels.Ensure(languages, Threshold(option))).WithPreloadedLanguageModels().Build(), options),
            _ when option.StartsWith("two-tier-", StringComparison.Ordinal) => (shipped = new LanguageDetection(Options.Create(new TranslationOptions { PreloadLanguageModels = true }),
                TimeProvider.System, NullLogger<LanguageDetection>.Instance, Threshold(option))).Detect,
            _ => throw new ArgumentOutOfRangeException(nameof(option), option, "Unknown detection option."),
        };
        var correct = MarketplaceCorpus.Messages.Count(m => detect(m.Text) == m.Language);
        var askedFull = new List<string>();
        var shortCorrect = MarketplaceCorpus.ShortMessages.Count(m =>
        {
            var asked = shipped?.FullModelUse.Asked;
            var language = detect(m.Text);
            if (shipped is not null && shipped.FullModelUse.Asked != asked)
            {
                askedFull.Add($"\"{m.Text}\" ({m.Language}) → {language ?? "not told"}");
            }

            return language == m.Language;
        });
        if (shipped?.Full is not null)
        {
            // Each corpus text detected once so far: what the complete models were asked, and what they told.
            var (asked, told) = shipped.FullModelUse;
            Console.WriteLine(FormattableString.Invariant(
                $"DETECTION-DETAIL {option}: {asked} of {MarketplaceCorpus.Messages.Length + MarketplaceCorpus.ShortMessages.Length} corpus texts went to the complete models (with a translator configured, in a conversation whose language is not learned yet, each loads them unless they are in memory); they told {told}: {string.Join(", ", askedFull)}"));
        }

        var wrong = MarketplaceCorpus.Messages.Concat(MarketplaceCorpus.ShortMessages).Count(m => detect(m.Text) is { } l && l != m.Language);
        var loaded = ProcessMemory.AfterFullCollection();
        var idle = loaded;
        if (shipped?.Full is { } full)
        {
            full.Unload();
            idle = ProcessMemory.AfterFullCollection();
        }

        // The models of a detector without statics (the compact ones) live as long as its delegate: up to here.
        GC.KeepAlive(detect);
        Console.WriteLine(FormattableString.Invariant(
            $"{ResultPrefix}{correct} {shortCorrect} {wrong} {loaded.ManagedHeapBytes - before.ManagedHeapBytes} {loaded.ResidentBytes} {idle.ManagedHeapBytes - before.ManagedHeapBytes} {idle.ResidentBytes}"));
        return 0;
    }

    /// <summary>The shipped first tier alone: the pruned models in <see cref="CompactLanguageModels"/>, all loaded.</summary>
    private static Func<string, string?> Compact(Language[] languages, TranslationOptions o)
    {
        var directory = PrunedLanguageModels.Ensure(languages);
        var models = new CompactLanguageModels(directory, languages);
        models.Preload();
        var (ngrams, bytes) = models.Loaded();
        Console.WriteLine(FormattableString.Invariant($"DETECTION-DETAIL compact models: {ngrams:N0} n-grams in {bytes / 1024.0 / 1024:F1} MiB of arrays"));
        var detector = new CompactDetector(LanguageDetectorBuilder.FromLanguages(languages).WithLanguageModelsDirectory(directory).Build(), models);
        return Rule(detector.ComputeLanguageConfidenceValues, o);
    }

    /// <summary>The pruning threshold at the end of an option's name ("two-tier-1000").</summary>
    private static int Threshold(string option) => int.Parse(option[(option.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);

    /// <summary>A bare Lingua detector with the same rule as <see cref="LanguageDetection"/>: links, codes and numbers
    /// removed, enough letters, a clear lead.</summary>
    private static Func<string, string?> Raw(LanguageDetector detector, TranslationOptions o) => Rule(detector.ComputeLanguageConfidenceValues, o);

    private static Func<string, string?> Rule(Func<string, IEnumerable<KeyValuePair<Language, double>>> rank, TranslationOptions o) => text =>
    {
        var words = TextProtector.Protect(text).Words;
        if (words.Sum(c => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' ? 2 : char.IsLetter(c) ? 1 : 0) < o.MinimumLetters)
        {
            return null;
        }

        var ranked = rank(words).Take(2).ToList();
        if (ranked.Count == 0 || ranked[0].Key == Language.Unknown || ranked[0].Value < o.MinimumConfidence)
        {
            return null;
        }

        var runnerUp = ranked.Count > 1 ? ranked[1].Value : 0;
        return ranked[0].Value >= runnerUp * o.MinimumLeadRatio ? ranked[0].Key.IsoCode6391().ToString().ToLower(CultureInfo.InvariantCulture) : null;
    };
}
