using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Bot.Core.Translation.Providers;

/// <summary>Yandex Cloud Translate API v2: POST {Url}/translate/v2/translate, <c>Authorization: Api-Key KEY</c>,
/// JSON folderId, texts[], targetLanguageCode, sourceLanguageCode; at most 10,000 characters per request.</summary>
public sealed class YandexTranslator(HttpClient http, IOptions<TranslationOptions> options, TranslationMetrics metrics) : ITranslator
{
    private readonly YandexOptions settings = options.Value.Yandex;

    public string Name => "Yandex";

    public Task<string> TranslateAsync(string text, string? sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        ChunkedTranslation.TranslateAsync(text, settings.MaxChunkLength, (piece, ct) => TranslatePieceAsync(piece, sourceLanguage, targetLanguage, ct), cancellationToken);

    private async Task<string> TranslatePieceAsync(string text, string? source, string target, CancellationToken cancellationToken)
    {
        var request = new Request(
            settings.FolderId!,
            [text],
            LanguageCodes.Primary(target),
            source is null ? null : LanguageCodes.Primary(source),
            "PLAIN_TEXT");
        metrics.ProviderRequest(Name, text.Length);
        var response = await ProviderHttp.PostJsonAsync<Request, Response>(
            http,
            Name,
            new Uri(settings.Url.TrimEnd('/') + "/translate/v2/translate"),
            request,
            r => r.Headers.TryAddWithoutValidation("Authorization", "Api-Key " + settings.ApiKey),
            cancellationToken);
        return ProviderHttp.NonEmpty(Name, response.Translations is [var only] ? only.Text : null);
    }

    private sealed record Request(
        [property: JsonPropertyName("folderId")] string FolderId,
        [property: JsonPropertyName("texts")] string[] Texts,
        [property: JsonPropertyName("targetLanguageCode")] string TargetLanguageCode,
        [property: JsonPropertyName("sourceLanguageCode"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SourceLanguageCode,
        [property: JsonPropertyName("format")] string Format);

    private sealed record Response([property: JsonPropertyName("translations")] Translation[]? Translations);

    private sealed record Translation([property: JsonPropertyName("text")] string? Text);
}
