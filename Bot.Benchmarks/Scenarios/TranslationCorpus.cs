using System.Globalization;
using Bot.Testing.Translation;

namespace Bot.Benchmarks.Scenarios;

/// <summary>A stream of buyer messages for scenario 4, drawn from the tests' marketplace corpus (short buyer and
/// seller messages in 16 languages, plus one-to-three-word ones) with a store's plausible language mix. Half of
/// the full messages carry an order or tracking number, which makes them unique (as real ones are); short
/// messages ("Thanks!", "Where is my parcel?") repeat verbatim across buyers.</summary>
public sealed class TranslationCorpus
{
    // Share of buyers per language for a store selling across AliExpress's big markets; the rest spread evenly.
    private static readonly (string Language, double Weight)[] Mix =
    [
        ("en", 0.25), ("ru", 0.20), ("es", 0.15), ("pt", 0.12), ("fr", 0.07), ("de", 0.05), ("pl", 0.04), ("tr", 0.04),
        ("it", 0.02), ("uk", 0.02), ("nl", 0.01), ("ko", 0.01), ("ja", 0.01), ("zh", 0.005), ("ar", 0.005),
    ];

    private readonly List<string> texts = [];

    public TranslationCorpus(int count, int seed = 4)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var language = Pick(random);
            var isShort = random.NextDouble() < 0.35;
            var pool = (isShort ? MarketplaceCorpus.ShortMessages : MarketplaceCorpus.Messages).Where(m => m.Language == language).ToList();
            if (pool.Count == 0)
            {
                pool = MarketplaceCorpus.Messages.Where(m => m.Language == language).ToList();
            }

            var text = pool[random.Next(pool.Count)].Text;
            if (!isShort && random.NextDouble() < 0.5)
            {
                text += random.NextDouble() < 0.5
                    ? $" Order {(8100000000000000L + random.NextInt64(1_000_000_000_000)).ToString(CultureInfo.InvariantCulture)}"
                    : $" LP{random.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture)}CN";
            }

            texts.Add(text);
        }
    }

    public IReadOnlyList<string> Texts => texts;

    public int Distinct => texts.Distinct(StringComparer.Ordinal).Count();

    private static string Pick(Random random)
    {
        var x = random.NextDouble() * Mix.Sum(m => m.Weight);
        foreach (var (language, weight) in Mix)
        {
            x -= weight;
            if (x < 0)
            {
                return language;
            }
        }

        return Mix[^1].Language;
    }
}
