using System.IO.Compression;
using System.Text.Json;
using Lingua;

namespace Bot.Core.Translation.Detection;

/// <summary>Writes a copy of Lingua's shipped models for the given languages with the rare four- and five-grams left
/// out (those seen fewer than <see cref="MinimumCount"/> times in Lingua's training text), and returns its directory.
/// Lingua keeps about 65 bytes of heap per n-gram; the full high-accuracy models of 16 languages hold 5 million of
/// them (330 MB), the pruned ones 330,000 (37 MB). One-, two- and three-grams are kept whole. The bridge reads these
/// files into <see cref="CompactLanguageModels"/>, not into Lingua's dictionaries.</summary>
internal static class PrunedLanguageModels
{
    public const int MinimumCount = 200;

    private static readonly string[] Pruned = ["quadrigrams.json.br", "fivegrams.json.br"];
    private static readonly Lock Gate = new();

    /// <summary>Lingua's own model directory, copied beside the program by its package.</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "Lingua", "LanguageModels");

    /// <summary>Under the temporary directory, named after the models' source and the threshold; written once per
    /// machine (a finished language directory is never rewritten), so later starts only check it exists.</summary>
    public static string Ensure(IEnumerable<Language> languages) => Ensure(languages, MinimumCount);

    /// <summary>As <see cref="Ensure(IEnumerable{Language})"/> with another threshold (the benchmark compares them).</summary>
    public static string Ensure(IEnumerable<Language> languages, int minimumCount)
    {
        var target = Path.Combine(Path.GetTempPath(), $"bridge-lingua-models-{typeof(Language).Assembly.GetName().Version}-min{minimumCount}");
        lock (Gate)
        {
            foreach (var language in languages)
            {
                var code = LinguaLanguages.Code(language);
                var directory = Path.Combine(target, code);
                if (!Directory.Exists(directory))
                {
                    Write(Path.Combine(ShippedDirectory, code), target, code, minimumCount);
                }
            }
        }

        return target;
    }

    /// <summary>Writes into a fresh directory, then moves it into place, so another process never sees half a
    /// language.</summary>
    private static void Write(string source, string target, string code, int minimumCount)
    {
        var staging = Path.Combine(target, $".{code}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        foreach (var file in Directory.GetFiles(source))
        {
            var name = Path.GetFileName(file);
            if (Pruned.Contains(name))
            {
                Prune(file, Path.Combine(staging, name), minimumCount);
            }
            else
            {
                File.Copy(file, Path.Combine(staging, name));
            }
        }

        try
        {
            Directory.Move(staging, Path.Combine(target, code));
        }
        catch (IOException) when (Directory.Exists(Path.Combine(target, code)))
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>A model is <c>{"language": ..., "ngrams": {"count/total": "ngram ngram ...", ...}}</c>; groups whose
    /// count is below the threshold are dropped.</summary>
    private static void Prune(string source, string target, int minimumCount)
    {
        using var document = ReadModel(source);
        var root = document.RootElement;
        using var output = File.Create(target);
        using var compressed = new BrotliStream(output, CompressionLevel.Fastest);
        using var writer = new Utf8JsonWriter(compressed);
        writer.WriteStartObject();
        writer.WriteString("language", root.GetProperty("language").GetString());
        writer.WriteStartObject("ngrams");
        foreach (var group in root.GetProperty("ngrams").EnumerateObject())
        {
            var slash = group.Name.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && int.TryParse(group.Name.AsSpan(0, slash), out var count) && count >= minimumCount)
            {
                group.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static JsonDocument ReadModel(string path)
    {
        using var file = File.OpenRead(path);
        using var decompressed = new BrotliStream(file, CompressionMode.Decompress);
        return JsonDocument.Parse(decompressed);
    }
}
