using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Marketplace.AliExpress;

/// <summary>The poll position, stored by the core as an opaque string: <c>{"v":1,"since":ms,"from":ms,"seen":{...}}</c>.</summary>
/// <param name="Since">Messages older than this (epoch ms) were already reported: detail paging stops there.</param>
/// <param name="From">Relations whose last message is older than this (epoch ms) were already read in the current
/// window; equals <see cref="Since"/> at the start of a window and moves forward while a large window is worked off.</param>
internal sealed record AliExpressCursor(
    [property: JsonPropertyName("since")] long Since,
    [property: JsonPropertyName("from")] long From)
{
    /// <summary>At most this many reported messages are remembered; beyond it the core's de-duplication takes over.</summary>
    public const int MaxSeen = 1000;

    private const int MaxKeyLength = 200;

    [JsonPropertyName("v")]
    public int Version { get; init; } = 1;

    /// <summary>Messages already reported that the overlap will list again ("channel/id" to their time, epoch ms):
    /// they are not reported twice. Null in cursors written before it existed.</summary>
    [JsonPropertyName("seen")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, long>? Seen { get; init; }

    /// <summary>Relations read to their end, with the mark (<see cref="AliExpressRelation.Mark"/>: last message time and
    /// id) their row had then: while the row shows the same mark, the relation holds nothing new and is not read again.
    /// Null in cursors written before it existed.</summary>
    [JsonPropertyName("read")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Read { get; init; }

    public bool WasRead(AliExpressRelation relation) =>
        relation.Mark is { } mark && Read?.GetValueOrDefault(relation.ChannelId) == mark;

    /// <summary>This cursor remembering that <paramref name="relations"/> were read, forgetting relations last active
    /// before <see cref="Since"/> (they are no longer listed) and keeping the newest <see cref="MaxSeen"/>.</summary>
    public AliExpressCursor RememberingRead(IEnumerable<AliExpressRelation> relations)
    {
        var all = (Read ?? new Dictionary<string, string>()).Select(p => (p.Key, Mark: p.Value))
            .Concat(relations.Where(r => r.Mark is not null).Select(r => (Key: r.ChannelId, Mark: r.Mark!)))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Mark: g.Last().Mark, Ms: MarkTime(g.Last().Mark)))
            .Where(p => p.Ms >= Since && p.Key.Length <= MaxKeyLength)
            .OrderByDescending(p => p.Ms)
            .Take(MaxSeen);
        return this with { Read = all.ToDictionary(p => p.Key, p => p.Mark, StringComparer.Ordinal) };
    }

    private static long MarkTime(string mark) =>
        long.TryParse(mark.AsSpan(0, Math.Max(0, mark.IndexOf('/', StringComparison.Ordinal))), System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out var ms) ? ms : long.MinValue;

    public static string Key(string channelId, string messageId) => channelId + "/" + messageId;

    public bool WasReported(string channelId, string messageId) => Seen?.ContainsKey(Key(channelId, messageId)) == true;

    /// <summary>This cursor remembering <paramref name="reported"/> too, forgetting what is older than <see cref="Since"/>
    /// and keeping the newest <see cref="MaxSeen"/>.</summary>
    public AliExpressCursor Remembering(IEnumerable<(string Key, long Ms)> reported)
    {
        var all = (Seen ?? new Dictionary<string, long>()).Select(p => (p.Key, Ms: p.Value)).Concat(reported)
            .Where(p => p.Ms >= Since && p.Key.Length <= MaxKeyLength)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Ms: g.Max(p => p.Ms)))
            .OrderByDescending(p => p.Ms)
            .Take(MaxSeen);
        return this with { Seen = all.ToDictionary(p => p.Key, p => p.Ms, StringComparer.Ordinal) };
    }

    /// <summary>The cursor, or null when there is none or it cannot be read (the adapter then starts afresh).</summary>
    public static AliExpressCursor? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var cursor = JsonSerializer.Deserialize<AliExpressCursor>(text);
            return cursor is { Version: 1, Since: > 0 } && cursor.From >= cursor.Since ? cursor : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Serialize() => JsonSerializer.Serialize(this);
}
