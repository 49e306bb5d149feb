using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Marketplace.Demo;

/// <summary>The demo's whole state, stored by the core as the poll cursor:
/// <c>{"v":1,"start":ms,"next":3,"answers":{"0":1}}</c>.</summary>
/// <param name="Start">When the demo began (epoch ms): buyer n writes its first message at Start + n × the pace.</param>
/// <param name="Next">How many buyers have written so far.</param>
/// <param name="Answers">Per buyer number, how many staff replies that buyer has answered (absent: none).</param>
internal sealed record DemoCursor(
    [property: JsonPropertyName("start")] long Start,
    [property: JsonPropertyName("next")] int Next,
    [property: JsonPropertyName("answers")] IReadOnlyDictionary<string, int> Answers)
{
    [JsonPropertyName("v")]
    public int Version { get; init; } = 1;

    public static DemoCursor StartingAt(DateTimeOffset now) => new(now.ToUnixTimeMilliseconds(), 0, new Dictionary<string, int>());

    public DateTimeOffset StartedAt => DateTimeOffset.FromUnixTimeMilliseconds(Start);

    public int AnswersOf(int index) => Answers.TryGetValue(Key(index), out var count) ? count : 0;

    public static string Key(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The cursor, or null when there is none or it is not a demo cursor (the demo then starts afresh).</summary>
    public static DemoCursor? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var cursor = JsonSerializer.Deserialize<DemoCursor>(text);
            return cursor is { Version: 1, Start: > 0, Next: >= 0, Answers: not null } ? cursor : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Serialize() => JsonSerializer.Serialize(this);
}
