using System.Globalization;
using System.Text.Json;

namespace Bot.Marketplace.AliExpress;

/// <summary>Tolerant reading of the platform's JSON, which is converted from XML: ids as numbers or strings,
/// lists nested (<c>relation_list.relation_result[]</c>) or flat, timestamps in seconds or milliseconds, fields missing.</summary>
internal static class IopJson
{
    /// <summary>Values below this are seconds since the epoch (10^11 ms is 1973; 10^11 s is the year 5138).</summary>
    private const long SecondsThreshold = 100_000_000_000;

    /// <summary>2000-01-01: nothing on the platform is older; earlier values are garbage.</summary>
    private const double EarliestMs = 946_684_800_000;

    /// <summary>The last millisecond a <see cref="DateTimeOffset"/> can hold (9999-12-31).</summary>
    private const double LatestMs = 253_402_300_799_999;

    public static string? Str(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? Text(value) : null;

    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => IopText.String(value),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static long? Long(JsonElement obj, string name)
    {
        var text = Str(obj, name);
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) ? (long)real : null;
    }

    public static bool? Bool(JsonElement obj, string name) => Str(obj, name)?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    /// <summary>An epoch timestamp in seconds or milliseconds, or a date string as a last resort; null when missing
    /// or not a plausible time (see <see cref="TryTime"/>).</summary>
    public static DateTimeOffset? Time(JsonElement obj, string name) => TryTime(obj, name, out var time) ? time : null;

    /// <summary>False when the field is there but holds no plausible time (unparseable, out of range, before 2000):
    /// the item is malformed. True with a null time when the field is missing, null or empty.</summary>
    public static bool TryTime(JsonElement obj, string name, out DateTimeOffset? time)
    {
        time = null;
        var text = Str(obj, name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return !(obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var raw)
                && raw.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.True or JsonValueKind.False);
        }

        if (Long(obj, name) is { } epoch)
        {
            var ms = epoch < SecondsThreshold ? epoch * 1000.0 : epoch;
            if (ms is < EarliestMs or > LatestMs)
            {
                return false;
            }

            time = DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) && parsed.ToUnixTimeMilliseconds() >= EarliestMs)
        {
            time = parsed;
            return true;
        }

        return false;
    }

    public static JsonElement? Obj(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>The items of a list that may be flat (<c>name: [...]</c>), nested (<c>name: { itemName: [...] }</c>),
    /// a single nested object (<c>name: { itemName: {...} }</c>) or missing.</summary>
    public static IEnumerable<JsonElement> List(JsonElement obj, string name, string itemName)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var list))
        {
            return [];
        }

        if (list.ValueKind == JsonValueKind.Object)
        {
            if (!list.TryGetProperty(itemName, out var inner))
            {
                // Some converters drop the item name: take the only array found inside.
                inner = list.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array);
            }

            list = inner;
        }

        return list.ValueKind switch
        {
            JsonValueKind.Array => list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToArray(),
            JsonValueKind.Object => [list],
            _ => [],
        };
    }
}
