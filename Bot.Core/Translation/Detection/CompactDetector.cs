using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Lingua;

namespace Bot.Core.Translation.Detection;

/// <summary>Lingua's detection (high accuracy, or low: trigrams only) over <see cref="CompactLanguageModels"/> instead
/// of Lingua's own model dictionaries. Lingua's rule engine (text clean-up, word split, unique characters and alphabets) is called as it
/// is, through <see cref="UnsafeAccessorAttribute"/> on the pinned package version (a changed signature fails at the
/// first call, and <c>CompactDetectorTests</c> compares every corpus text with Lingua's own answer); the n-gram
/// arithmetic that follows is Lingua's, step for step and in the same order, so the confidence values are the same
/// numbers, not merely the same ranking.</summary>
internal sealed class CompactDetector
{
    /// <summary>From this many characters Lingua uses trigrams only.</summary>
    private const int HighAccuracyMaxTextLength = 120;

    private static readonly int[] TrigramsOnly = [3];
    private static readonly int[] AllLengths = [1, 2, 3, 4, 5];

    private readonly LanguageDetector rules;
    private readonly HashSet<Language> languages;
    private readonly CompactLanguageModels models;
    private readonly bool lowAccuracy;

    /// <param name="rules">A Lingua detector of the candidate languages, used only for its rules (it loads no
    /// model).</param>
    /// <param name="lowAccuracy">As Lingua's low-accuracy mode: trigrams only, nothing below three characters.</param>
    public CompactDetector(LanguageDetector rules, CompactLanguageModels models, bool lowAccuracy = false)
    {
        this.rules = rules;
        this.models = models;
        this.lowAccuracy = lowAccuracy;
        languages = (HashSet<Language>)rules.Languages;
    }

    /// <summary>Every candidate language with its confidence, highest first, as Lingua's
    /// <see cref="LanguageDetector.ComputeLanguageConfidenceValues(string)"/>.</summary>
    public IReadOnlyList<KeyValuePair<Language, double>> ComputeLanguageConfidenceValues(string text)
    {
        var values = new Dictionary<Language, double>(languages.Count);
        foreach (var language in languages)
        {
            values[language] = 0;
        }

        var cleaned = CleanUpInputText(null, text);
        if (cleaned.Length == 0 || NoLetter(null).IsMatch(cleaned))
        {
            return [.. values];
        }

        var words = SplitTextIntoWords(null, cleaned);
        var byRules = DetectLanguageWithRules(rules, words, languages);
        if (byRules != Language.Unknown)
        {
            values[byRules] = 1;
            return Ordered(values);
        }

        var filtered = FilterLanguagesByRules(rules, words, languages);
        if (filtered.Count == 1)
        {
            values[filtered.Single()] = 1;
            return Ordered(values);
        }

        if (lowAccuracy && cleaned.Length < 3)
        {
            return [.. values];
        }

        var lengths = (cleaned.Length >= HighAccuracyMaxTextLength || lowAccuracy ? TrigramsOnly : AllLengths).Where(n => cleaned.Length >= n).ToArray();
        var all = new Dictionary<Language, double>[lengths.Length];
        var unigramCounts = new Dictionary<Language, int>();
        for (var i = 0; i < lengths.Length; i++)
        {
            var ngrams = NgramsOf(cleaned, lengths[i]);
            all[i] = LanguageProbabilities(ngrams, filtered);
            if (lengths[i] == 1)
            {
                unigramCounts = CountUnigrams(ngrams, filtered.Where(languages.Contains).ToHashSet());
            }
        }

        var summed = SumUp(all, unigramCounts, filtered);
        return summed.Count == 0 ? Ordered(values) : Confidences(values, all, summed);
    }

    /// <summary>The distinct n-grams of the text's runs of letters, in the order they first occur.</summary>
    private static List<string> NgramsOf(string text, int length)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            for (var j = start; j + length <= i; j++)
            {
                var ngram = text.Substring(j, length);
                if (seen.Add(ngram))
                {
                    ordered.Add(ngram);
                }
            }
        }

        return ordered;
    }

    private Dictionary<Language, double> LanguageProbabilities(List<string> ngrams, HashSet<Language> filtered)
    {
        var probabilities = new Dictionary<Language, double>();
        foreach (var language in filtered)
        {
            var sum = 0d;
            foreach (var ngram in ngrams)
            {
                // The n-gram itself, else its longest prefix the model knows.
                for (var end = ngram.Length; end > 0; end--)
                {
                    var probability = models.Probability(language, ngram.AsSpan(0, end));
                    if (probability > 0)
                    {
                        sum += Math.Log(probability);
                        break;
                    }
                }
            }

            if (sum < 0)
            {
                probabilities[language] = sum;
            }
        }

        return probabilities;
    }

    private Dictionary<Language, int> CountUnigrams(List<string> unigrams, HashSet<Language> filtered)
    {
        var counts = new Dictionary<Language, int>();
        foreach (var language in filtered)
        {
            foreach (var unigram in unigrams)
            {
                if (models.Probability(language, unigram) > 0)
                {
                    counts[language] = counts.GetValueOrDefault(language) + 1;
                }
            }
        }

        return counts;
    }

    private static Dictionary<Language, double> SumUp(Dictionary<Language, double>[] all, Dictionary<Language, int> unigramCounts, HashSet<Language> filtered)
    {
        var summed = new Dictionary<Language, double>();
        foreach (var language in filtered)
        {
            var sum = 0d;
            foreach (var probabilities in all)
            {
                probabilities.TryGetValue(language, out var value);
                sum += value;
            }

            if (unigramCounts.TryGetValue(language, out var count))
            {
                sum /= count;
            }

            if (sum != 0)
            {
                summed[language] = Math.Exp(sum);
            }
        }

        return summed;
    }

    /// <summary>Softmax over the summed probabilities; when they underflow to zero, the likeliest language of the
    /// first n-gram length gets 1.</summary>
    private static List<KeyValuePair<Language, double>> Confidences(Dictionary<Language, double> values, Dictionary<Language, double>[] all, Dictionary<Language, double> summed)
    {
        var denominator = summed.Values.Sum();
        if (denominator == 0)
        {
            var likeliest = all[0].MaxBy(p => p.Value).Key;
            if (values.ContainsKey(likeliest))
            {
                values[likeliest] = 1;
            }
        }
        else
        {
            foreach (var (language, probability) in summed)
            {
                if (values.ContainsKey(language))
                {
                    values[language] = probability / denominator;
                }
            }
        }

        return Ordered(values);
    }

    /// <summary>Highest first; ties keep the candidates' order (a stable sort, as Lingua's).</summary>
    private static List<KeyValuePair<Language, double>> Ordered(Dictionary<Language, double> values) =>
        [.. values.OrderByDescending(p => p.Value)];

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "CleanUpInputText")]
    private static extern string CleanUpInputText(LanguageDetector? type, string text);

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "NoLetter")]
    private static extern Regex NoLetter(LanguageDetector? type);

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "SplitTextIntoWords")]
    private static extern List<string> SplitTextIntoWords(LanguageDetector? type, string text);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "DetectLanguageWithRules")]
    private static extern Language DetectLanguageWithRules(LanguageDetector detector, List<string> words, HashSet<Language> languages);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "FilterLanguagesByRules")]
    private static extern HashSet<Language> FilterLanguagesByRules(LanguageDetector detector, List<string> words, HashSet<Language> languages);
}
