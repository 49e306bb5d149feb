using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bot.Testing.Translation;

/// <summary>LibreTranslate's POST /translate: JSON q, source ("auto" or a code), target, format, api_key.</summary>
public static class FakeLibreTranslate
{
    public static void MapFakeLibreTranslate(this IEndpointRouteBuilder app, FakeTranslationApi api, string? apiKey)
    {
        app.MapPost("/translate", async (HttpContext context) =>
        {
            var before = api.Problems.Count;
            var body = await FakeJson.ReadAsync(api, context.Request) ?? default;
            var q = FakeJson.String(body, "q");
            var source = FakeJson.String(body, "source");
            var target = FakeJson.String(body, "target");
            api.Check(!string.IsNullOrEmpty(q), "q is missing");
            api.Check(source is not null && (source == "auto" || source.Length == 2), $"source '{source}' is not 'auto' or a code");
            api.Check(target is { Length: 2 } && !target.Any(char.IsUpper), $"target '{target}' is not a lower-case code");
            api.Check(FakeJson.String(body, "format") == "text", "format is not 'text'");
            api.Check(FakeJson.String(body, "api_key") == apiKey, "api_key does not match");
            api.Check((q?.Length ?? 0) <= api.MaxTextLength, $"q has {q?.Length} characters, over the instance's char limit {api.MaxTextLength}");
            api.Requests.Enqueue(new FakeTranslationRequest(context.Request.Path, null, body, q ?? string.Empty, source, target ?? string.Empty));

            return await FakeProviderResponses.PreflightAsync(api, before, new { error = "Slowdown: 10 per 1 minute" }, context)
                ?? Results.Json(new { translatedText = api.Transform(q!, target!) });
        });
    }
}
