using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Bot.Core.Translation.Providers;

/// <summary>LibreTranslate: POST {Url}/translate with q, source ("auto" to detect), target, format, api_key.</summary>
public sealed class LibreTranslateTranslator(HttpClient http, IOptions<TranslationOptions> options, TranslationMetrics metrics) : ITranslator
{
    private readonly LibreTranslateOptions settings = options.Value.LibreTranslate;

    public string Name => "LibreTranslate";

    public Task<string> TranslateAsync(string text, string? sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        ChunkedTranslation.TranslateAsync(text, settings.MaxChunkLength, (piece, ct) => TranslatePieceAsync(piece, sourceLanguage, targetLanguage, ct), cancellationToken);

    private async Task<string> TranslatePieceAsync(string text, string? source, string target, CancellationToken cancellationToken)
    {
        var request = new Request(
            text,
            source is null ? "auto" : LanguageCodes.Primary(source),
            LanguageCodes.Primary(target),
            "text",
            string.IsNullOrWhiteSpace(settings.ApiKey) ? null : settings.ApiKey);
        metrics.ProviderRequest(Name, text.Length);
        var response = await ProviderHttp.PostJsonAsync<Request, Response>(
            http, Name, new Uri(settings.Url!.TrimEnd('/') + "/translate"), request, _ => { }, cancellationToken);
        return ProviderHttp.NonEmpty(Name, response.TranslatedText);
    }

    private sealed record Request(
        [property: JsonPropertyName("q")] string Q,
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("target")] string Target,
        [property: JsonPropertyName("format")] string Format,
        [property: JsonPropertyName("api_key"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ApiKey);

    private sealed record Response([property: JsonPropertyName("translatedText")] string? TranslatedText);
}
