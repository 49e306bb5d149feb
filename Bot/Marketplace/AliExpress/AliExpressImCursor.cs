using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Marketplace.AliExpress;

/// <summary>The poll position of the IM family, stored by the core as an opaque string:
/// <c>{"v":1,"family":"im","since":ms,"seen":{...},"read":{...}}</c>. Its <c>family</c> also tells a restarted bridge
/// in <c>Auto</c> mode which family it had switched to, at no cost.</summary>
/// <param name="Since">Messages older than this (epoch ms) were already reported.</param>
internal sealed record AliExpressImCursor([property: JsonPropertyName("since")] long Since)
{
    public const string Im = "im";

    [JsonPropertyName("v")]
    public int Version { get; init; } = 1;

    [JsonPropertyName("family")]
    public string Family { get; init; } = Im;

    /// <summary>Message ids already reported that the overlap lists again, to their time (epoch ms). Keyed by message id
    /// alone, so that the ids the older family reported carry over a switch (INFERRED: both families show one
    /// message under one id).</summary>
    [JsonPropertyName("seen")]
    public IReadOnlyDictionary<string, long> Seen { get; init; } = new Dictionary<string, long>();

    /// <summary>Conversations (buyer ids) read to their end, with the mark their listing row had then.</summary>
    [JsonPropertyName("read")]
    public IReadOnlyDictionary<string, string> Read { get; init; } = new Dictionary<string, string>();

    public bool WasRead(AliExpressImSession session) => session.Mark is { } mark && Read.GetValueOrDefault(session.BuyerId) == mark;

    public bool WasReported(string messageId) => Seen.ContainsKey(messageId);

    /// <summary>True when <paramref name="text"/> is a cursor this family wrote.</summary>
    public static bool IsIm(string? text) => Parse(text) is not null;

    /// <summary>The cursor to continue from: this family's, or the older family's carried over (its watermark and the
    /// ids it reported), or a fresh one starting at <paramref name="fresh"/>.</summary>
    public static AliExpressImCursor From(string? text, long fresh)
    {
        if (Parse(text) is { } cursor)
        {
            return cursor;
        }

        return AliExpressCursor.TryParse(text) is { } older
            ? new AliExpressImCursor(older.Since)
            {
                Seen = (older.Seen ?? new Dictionary<string, long>())
                    .Select(p => (Id: p.Key[(p.Key.IndexOf('/', StringComparison.Ordinal) + 1)..], Ms: p.Value))
                    .GroupBy(p => p.Id, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Max(p => p.Ms), StringComparer.Ordinal),
            }
            : new AliExpressImCursor(fresh);
    }

    /// <summary>The next cursor: starting at <paramref name="since"/>, remembering what was reported and read, forgetting
    /// what is older than the new watermark and keeping the newest <see cref="AliExpressCursor.MaxSeen"/>.</summary>
    public AliExpressImCursor Next(long since, IEnumerable<(string Id, long Ms)> reported, IEnumerable<AliExpressImSession> read) => new(since)
    {
        Seen = Seen.Select(p => (Id: p.Key, Ms: p.Value)).Concat(reported)
            .Where(p => p.Ms >= since)
            .GroupBy(p => p.Id, StringComparer.Ordinal)
            .Select(g => (g.Key, Ms: g.Max(p => p.Ms)))
            .OrderByDescending(p => p.Ms).Take(AliExpressCursor.MaxSeen)
            .ToDictionary(p => p.Key, p => p.Ms, StringComparer.Ordinal),
        Read = Read.Select(p => (Id: p.Key, Mark: p.Value)).Concat(read.Where(s => s.Mark is not null).Select(s => (Id: s.BuyerId, Mark: s.Mark!)))
            .GroupBy(p => p.Id, StringComparer.Ordinal)
            .Select(g => (g.Key, Mark: g.Last().Mark, Ms: AliExpressImSession.MarkTime(g.Last().Mark)))
            .Where(p => p.Ms >= since)
            .OrderByDescending(p => p.Ms).Take(AliExpressCursor.MaxSeen)
            .ToDictionary(p => p.Key, p => p.Mark, StringComparer.Ordinal),
    };

    public string Serialize() => JsonSerializer.Serialize(this);

    /// <summary>For a bridge set back to versiontwo after polling over IM: the older family's cursor at the same
    /// watermark (its conversations have other ids, so the overlap may show its messages once more), else
    /// <paramref name="text"/> unchanged.</summary>
    public static string? ToVersionTwo(string? text) => Parse(text) is { } im ? new AliExpressCursor(im.Since, im.Since).Serialize() : text;

    private static AliExpressImCursor? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.Contains("\"family\"", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var cursor = JsonSerializer.Deserialize<AliExpressImCursor>(text);
            return cursor is { Version: 1, Family: Im, Since: > 0 } ? cursor with { Seen = cursor.Seen ?? new Dictionary<string, long>(), Read = cursor.Read ?? new Dictionary<string, string>() } : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
