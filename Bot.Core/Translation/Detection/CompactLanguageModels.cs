using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Lingua;

namespace Bot.Core.Translation.Detection;

/// <summary>Lingua's model files of a directory (<c>{code}/{unigram|bigram|trigram|quadrigram|fivegram}s.json.br</c>)
/// held as <see cref="NgramTable"/>s. As Lingua does, a language's model of one length is read on its first lookup
/// (or all at once by <see cref="Preload"/>), and a missing file is an empty model. Thread-safe.</summary>
internal sealed class CompactLanguageModels
{
    private static readonly string[] FileNames = ["unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"];

    private readonly Dictionary<Language, Lazy<NgramTable>[]> models;

    public CompactLanguageModels(string directory, IEnumerable<Language> languages)
    {
        models = languages.Distinct().ToDictionary(
            language => language,
            language => Enumerable.Range(1, 5)
                .Select(length => new Lazy<NgramTable>(() => Read(directory, language, length), LazyThreadSafetyMode.ExecutionAndPublication))
                .ToArray());
    }

    /// <summary>The probability of <paramref name="ngram"/> (one to five characters) in the language's model of its
    /// length; 0 when the model does not hold it or the language is not one of these models'.</summary>
    public double Probability(Language language, ReadOnlySpan<char> ngram) =>
        ngram.Length is >= 1 and <= 5 && models.TryGetValue(language, out var tables)
            ? tables[ngram.Length - 1].Value.Probability(ngram)
            : 0;

    /// <summary>Reads every model now, or only those of the given n-gram lengths.</summary>
    public void Preload(params int[] lengths) =>
        Parallel.ForEach(models.Values.SelectMany(tables => tables.Where((_, i) => lengths.Length == 0 || lengths.Contains(i + 1))), table => _ = table.Value);

    /// <summary>N-grams and bytes of the models read so far.</summary>
    public (long Ngrams, long Bytes) Loaded()
    {
        var loaded = models.Values.SelectMany(tables => tables).Where(table => table.IsValueCreated).Select(table => table.Value).ToList();
        return (loaded.Sum(table => (long)table.Count), loaded.Sum(table => table.Bytes));
    }

    private static NgramTable Read(string directory, Language language, int length)
    {
        var path = Path.Combine(directory, LinguaLanguages.Code(language), FileNames[length - 1] + ".json.br");
        byte[] json;
        try
        {
            using var file = File.OpenRead(path);
            using var decompressed = new BrotliStream(file, CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            decompressed.CopyTo(buffer);
            json = buffer.ToArray();
        }
        catch (FileNotFoundException)
        {
            return NgramTable.Empty;
        }
        catch (DirectoryNotFoundException)
        {
            return NgramTable.Empty;
        }

        return NgramTable.Build(length, Entries(json));
    }

    /// <summary>A model is <c>{"language": ..., "ngrams": {"count/total": "ngram ngram ...", ...}}</c>; each n-gram's
    /// probability is count divided by total, computed as Lingua computes it.</summary>
    private static List<KeyValuePair<string, double>> Entries(byte[] json)
    {
        var entries = new List<KeyValuePair<string, double>>();
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1 || !reader.ValueTextEquals("ngrams"u8))
            {
                continue;
            }

            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var fraction = reader.GetString()!;
                var slash = fraction.IndexOf('/', StringComparison.Ordinal);
                var probability = double.Parse(fraction.AsSpan(0, slash), CultureInfo.InvariantCulture) / int.Parse(fraction.AsSpan(slash + 1), CultureInfo.InvariantCulture);
                reader.Read();
                foreach (var ngram in reader.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    entries.Add(new(ngram, probability));
                }
            }
        }

        return entries;
    }
}
