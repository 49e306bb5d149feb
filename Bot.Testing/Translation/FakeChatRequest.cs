using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Translation;

/// <summary>What every fake chat-completions endpoint checks first: the optional Bearer key, a JSON body naming the
/// model, and its messages (role and content, either possibly missing).</summary>
internal sealed record FakeChatRequest(int ProblemsBefore, string Authorization, JsonElement Body, (string? Role, string? Content)[] Messages)
{
    public static async Task<FakeChatRequest> ReadAsync(FakeTranslationApi api, HttpContext context, string? apiKey, string model)
    {
        var before = api.Problems.Count;
        var authorization = context.Request.Headers.Authorization.ToString();
        api.Check(authorization == (apiKey is null ? string.Empty : "Bearer " + apiKey), $"Authorization header is '{authorization}'");
        var body = await FakeJson.ReadAsync(api, context.Request) ?? default;
        api.Check(FakeJson.String(body, "model") == model, "model does not match");
        var messages = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Array
            ? m.EnumerateArray().Select(e => (FakeJson.String(e, "role"), FakeJson.String(e, "content"))).ToArray()
            : [];
        return new FakeChatRequest(before, authorization, body, messages);
    }
}
