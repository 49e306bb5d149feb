using Bot.Core.Translation;
using Bot.Core.Translation.Detection;
using Bot.Core.Translation.Protection;
using Bot.Testing.Translation;
using Lingua;

namespace Bot.Tests.Translation;

/// <summary>The compact models give exactly Lingua's confidence values over the same pruned model files: the same
/// languages in the same order with the same numbers, for every corpus text.</summary>
[Collection(TranslationCollection.Name)]
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class CompactDetectorTests
{
    private static readonly Language[] Languages = new TranslationOptions().CandidateLanguageCodes()
        .Select(code => LinguaLanguages.TryGet(code, out var language) ? language : throw new InvalidOperationException(code))
        .ToArray();

    // Lingua caches trigram models per language whatever the directory; the pruned directory's are the shipped ones.
    private static readonly Lazy<(LanguageDetector Lingua, CompactDetector Compact)> LowAccuracy = new(() =>
        (LanguageDetectorBuilder.FromLanguages(Languages).WithLowAccuracyMode().Build(),
            new CompactDetector(LanguageDetectorBuilder.FromLanguages(Languages).Build(), new CompactLanguageModels(PrunedLanguageModels.ShippedDirectory, Languages), lowAccuracy: true)));

    private static readonly Lazy<(LanguageDetector Lingua, CompactDetector Compact)> Detectors = new(() =>
    {
        var directory = PrunedLanguageModels.Ensure(Languages);
        return (LanguageDetectorBuilder.FromLanguages(Languages).WithLanguageModelsDirectory(directory).Build(),
            new CompactDetector(LanguageDetectorBuilder.FromLanguages(Languages).Build(), new CompactLanguageModels(directory, Languages)));
    });

    public static TheoryData<string> Texts()
    {
        var corpus = MarketplaceCorpus.Messages.Concat(MarketplaceCorpus.ShortMessages).Select(m => m.Text).ToList();
        string[] others =
        [
            string.Concat(MarketplaceCorpus.Messages.Take(6).Select(m => m.Text + " ")),
            "Hello! Подскажите, пожалуйста, когда придёт мой заказ, очень жду",
            "こんにちは 注文はいつ届きますか",
            "Ça va? Où est ma commande, s'il vous plaît",
            "   ",
            "123 !!!",
            "a",
            "ab",
            "ok!",
        ];
        var data = new TheoryData<string>();
        foreach (var text in corpus.Concat(corpus.Select(t => TextProtector.Protect(t).Words)).Concat(others).Distinct(StringComparer.Ordinal))
        {
            data.Add(text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void ConfidenceValues_AreLinguasOwn(string text)
    {
        var (lingua, compact) = Detectors.Value;

        Assert.Equal(lingua.ComputeLanguageConfidenceValues(text).ToList(), compact.ComputeLanguageConfidenceValues(text).ToList());
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void LowAccuracyConfidenceValues_AreLinguasOwn(string text)
    {
        var (lingua, compact) = LowAccuracy.Value;

        Assert.Equal(lingua.ComputeLanguageConfidenceValues(text).ToList(), compact.ComputeLanguageConfidenceValues(text).ToList());
    }

    [Fact]
    public void Table_FindsEveryNgramWithItsProbability_AndNothingElse()
    {
        var table = NgramTable.Build(5, [new("abcde", 0.25), new("abcdf", 0.5), new("zzzzz", 0.25), new("abc", 0.75), new("яблок", 1.0 / 3)]);

        Assert.Equal(4, table.Count);
        Assert.Equal(0.25, table.Probability("abcde"));
        Assert.Equal(0.5, table.Probability("abcdf"));
        Assert.Equal(0.25, table.Probability("zzzzz"));
        Assert.Equal(1.0 / 3, table.Probability("яблок"));
        Assert.Equal(0, table.Probability("abcdg"));
        Assert.Equal(0, table.Probability("abc"));
        Assert.Equal(0, table.Probability("aaaaa"));
    }

    [Fact]
    public void Table_WithMoreDistinctProbabilitiesThanAnIndexHolds_KeepsEachOwnProbability()
    {
        var ngrams = Enumerable.Range(0, 70_000).Select(i => new KeyValuePair<string, double>(Ngram(i), 1.0 / (i + 2))).ToList();

        var table = NgramTable.Build(3, ngrams);

        Assert.Equal(70_000, table.Count);
        Assert.All(new[] { 0, 1, 65_535, 65_536, 65_537, 69_999 }, i => Assert.Equal(1.0 / (i + 2), table.Probability(Ngram(i))));
        Assert.Equal(0, table.Probability("\uFFFF\uFFFF\uFFFF"));

        static string Ngram(int i) => new([(char)('a' + (i / 65_536)), (char)(0x100 + (i % 65_536 / 256)), (char)(0x100 + (i % 256))]);
    }

    [Fact]
    public void Table_RefusesTheSameNgramTwice() =>
        Assert.Throws<InvalidDataException>(() => NgramTable.Build(2, [new("ab", 0.5), new("ab", 0.25)]));
}
