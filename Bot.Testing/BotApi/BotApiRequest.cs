using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Testing.BotApi;

/// <summary>The parameters of one call, whether sent as JSON, query string, form or multipart.</summary>
internal sealed class BotApiRequest(
    string method,
    IReadOnlyDictionary<string, JsonNode?> values,
    IReadOnlyDictionary<string, UploadedFile> files)
{
    public string Method { get; } = method;

    public bool Has(string name) => values.TryGetValue(name, out var node) && node is not null;

    public string? String(string name) => values.TryGetValue(name, out var node) ? AsString(node) : null;

    public long? Long(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw BotApiException.BadRequest($"invalid {name} specified");
    }

    public int? Int(string name) => Long(name) is long value ? checked((int)value) : null;

    public bool Bool(string name) => String(name) is string text && bool.TryParse(text, out var value) && value;

    /// <summary>A structured parameter; form fields carry it as a JSON string.</summary>
    public JsonNode? Json(string name)
    {
        if (!values.TryGetValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                throw BotApiException.BadRequest($"can't parse {name} JSON object");
            }
        }

        return node.DeepClone();
    }

    /// <summary>A file sent as a multipart part under that name, or referenced as "attach://part".</summary>
    public UploadedFile? File(string name)
    {
        if (files.TryGetValue(name, out var file))
        {
            return file;
        }

        var reference = String(name);
        const string Attach = "attach://";
        return reference is not null && reference.StartsWith(Attach, StringComparison.Ordinal)
            && files.TryGetValue(reference[Attach.Length..], out var attached) ? attached : null;
    }

    private static string? AsString(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => node.ToJsonString(),
    };
}
