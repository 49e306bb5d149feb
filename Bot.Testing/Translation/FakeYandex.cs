using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bot.Testing.Translation;

/// <summary>Yandex Cloud Translate v2 POST /translate/v2/translate: <c>Authorization: Api-Key KEY</c>, JSON folderId,
/// texts[], targetLanguageCode, sourceLanguageCode; at most 10,000 characters in all texts.</summary>
public static class FakeYandex
{
    public const int MaxCharacters = 10_000;

    public static void MapFakeYandex(this IEndpointRouteBuilder app, FakeTranslationApi api, string apiKey, string folderId)
    {
        app.MapPost("/translate/v2/translate", async (HttpContext context) =>
        {
            var before = api.Problems.Count;
            var authorization = context.Request.Headers.Authorization.ToString();
            if (authorization != "Api-Key " + apiKey)
            {
                api.Check(false, $"Authorization header is '{authorization}'");
                return Results.Json(new { code = 16, message = "Unknown api key" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            var body = await FakeJson.ReadAsync(api, context.Request) ?? default;
            var texts = FakeJson.Strings(body, "texts") ?? [];
            var target = FakeJson.String(body, "targetLanguageCode");
            var source = FakeJson.String(body, "sourceLanguageCode");
            api.Check(FakeJson.String(body, "folderId") == folderId, "folderId does not match");
            api.Check(texts.Length == 1, "texts is not an array of one string");
            api.Check(target is { Length: 2 }, $"targetLanguageCode '{target}' is not a code");
            api.Check(source is null or { Length: 2 }, $"sourceLanguageCode '{source}' is not a code");
            var total = texts.Sum(t => t.Length);
            api.Check(total <= Math.Min(MaxCharacters, api.MaxTextLength), $"texts have {total} characters, over the 10,000 limit");
            api.Requests.Enqueue(new FakeTranslationRequest(context.Request.Path, authorization, body, texts.FirstOrDefault() ?? string.Empty, source, target ?? string.Empty));

            return await FakeProviderResponses.PreflightAsync(api, before, new { code = 8, message = "Quota exceeded" }, context)
                ?? Results.Json(new { translations = texts.Select(t => new { text = api.Transform(t, target!), detectedLanguageCode = source ?? "ru" }) });
        });
    }
}
