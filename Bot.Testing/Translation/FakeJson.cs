using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Translation;

internal static class FakeJson
{
    public static async Task<JsonElement?> ReadAsync(FakeTranslationApi api, HttpRequest request)
    {
        api.Check(request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true, $"content type is '{request.ContentType}', not JSON");
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            api.Check(false, "body is not JSON");
            return null;
        }
    }

    public static string? String(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static string[]? Strings(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray()
            : null;
}
