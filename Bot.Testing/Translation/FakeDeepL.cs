using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bot.Testing.Translation;

/// <summary>DeepL's POST /v2/translate: <c>Authorization: DeepL-Auth-Key KEY</c>, JSON text[], target_lang, source_lang.</summary>
public static class FakeDeepL
{
    private const int MaxBodyBytes = 128 * 1024;

    public static void MapFakeDeepL(this IEndpointRouteBuilder app, FakeTranslationApi api, string apiKey)
    {
        app.MapPost("/v2/translate", async (HttpContext context) =>
        {
            var before = api.Problems.Count;
            var authorization = context.Request.Headers.Authorization.ToString();
            if (authorization != "DeepL-Auth-Key " + apiKey)
            {
                api.Check(false, $"Authorization header is '{authorization}'");
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            api.Check(context.Request.ContentLength is null or <= MaxBodyBytes, $"body has {context.Request.ContentLength} bytes, over 128 KiB");
            var body = await FakeJson.ReadAsync(api, context.Request) ?? default;
            var texts = FakeJson.Strings(body, "text");
            var target = FakeJson.String(body, "target_lang");
            var source = FakeJson.String(body, "source_lang");
            api.Check(texts is [_], "text is not an array of one string");
            api.Check(target is not null && !target.Any(char.IsLower) && target is not ("EN" or "PT"), $"target_lang '{target}' is not an upper-case, non-deprecated code");
            api.Check(source is null || (source.Length == 2 && !source.Any(char.IsLower)), $"source_lang '{source}' is not an upper-case code without variant");
            var text = texts is [var only] ? only : string.Empty;
            api.Check(text.Length <= api.MaxTextLength, $"text has {text.Length} characters, over {api.MaxTextLength}");
            api.Requests.Enqueue(new FakeTranslationRequest(context.Request.Path, authorization, body, text, source, target ?? string.Empty));

            return await FakeProviderResponses.PreflightAsync(api, before, new { message = "Too many requests" }, context)
                ?? Results.Json(new { translations = new[] { new { detected_source_language = source ?? "EN", text = api.Transform(text, target!) } } });
        });
    }
}
