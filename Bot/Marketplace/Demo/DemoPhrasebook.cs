using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Marketplace.Demo;

/// <summary>What the simulated buyers say, read from the embedded <c>DemoBuyers.json</c>: topics, and per language
/// (ordered by code) names, openings, follow-ups and thanks.</summary>
internal sealed class DemoPhrasebook
{
    private const string Resource = "Bot.Marketplace.Demo.DemoBuyers.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Lazy<DemoPhrasebook> Shared = new(Load);

    private DemoPhrasebook(IReadOnlyList<DemoTopic> topics, IReadOnlyDictionary<string, DemoLanguage> languages)
    {
        Topics = topics;
        Codes = languages.Keys.Order(StringComparer.Ordinal).ToList();
        Languages = languages;
    }

    public static DemoPhrasebook Instance => Shared.Value;

    public IReadOnlyList<DemoTopic> Topics { get; }

    /// <summary>The language codes, in ordinal order.</summary>
    public IReadOnlyList<string> Codes { get; }

    public IReadOnlyDictionary<string, DemoLanguage> Languages { get; }

    private static DemoPhrasebook Load()
    {
        using var stream = typeof(DemoPhrasebook).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        var file = JsonSerializer.Deserialize<DemoBuyersFile>(stream, Json)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is empty.");
        foreach (var (code, language) in file.Languages)
        {
            var missing = file.Topics.Where(t => !language.Lines.TryGetValue(t.Id, out var lines) || lines.Count != 2).Select(t => t.Id).ToList();
            if (missing.Count > 0 || language.Names.Count == 0 || language.Thanks.Count == 0)
            {
                throw new InvalidOperationException($"{Resource}: language '{code}' lacks names, thanks or two lines for {string.Join(", ", missing)}.");
            }
        }

        return new DemoPhrasebook(file.Topics, file.Languages);
    }
}
