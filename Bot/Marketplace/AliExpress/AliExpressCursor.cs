using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Marketplace.AliExpress;

/// <summary>The poll position, stored by the core as an opaque string: <c>{"v":1,"since":ms,"from":ms}</c>.</summary>
/// <param name="Since">Messages older than this (epoch ms) were already reported: detail paging stops there.</param>
/// <param name="From">Relations whose last message is older than this (epoch ms) were already read in the current
/// window; equals <see cref="Since"/> at the start of a window and moves forward while a large window is worked off.</param>
internal sealed record AliExpressCursor(
    [property: JsonPropertyName("since")] long Since,
    [property: JsonPropertyName("from")] long From)
{
    [JsonPropertyName("v")]
    public int Version { get; init; } = 1;

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
