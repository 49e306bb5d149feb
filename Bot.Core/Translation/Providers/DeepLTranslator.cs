using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Bot.Core.Translation.Providers;

/// <summary>DeepL API v2: POST {base}/v2/translate, <c>Authorization: DeepL-Auth-Key KEY</c>, JSON text[] and target_lang.</summary>
/// <remarks>https://developers.deepl.com/docs/api-reference/translate — target "EN" and "PT" are deprecated
/// (unspecified variant), so plain en/pt targets are sent as EN-US and PT-BR; sources never carry a variant.</remarks>
public sealed class DeepLTranslator(HttpClient http, IOptions<TranslationOptions> options, TranslationMetrics metrics) : ITranslator
{
    private readonly DeepLOptions settings = options.Value.DeepL;

    public string Name => "DeepL";

    public Task<string> TranslateAsync(string text, string? sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        ChunkedTranslation.TranslateAsync(text, settings.MaxChunkLength, (piece, ct) => TranslatePieceAsync(piece, sourceLanguage, targetLanguage, ct), cancellationToken);

    internal static string Target(string code) => code.ToUpperInvariant().Replace('_', '-') switch
    {
        "EN" => "EN-US",
        "PT" => "PT-BR",
        var other => other,
    };

    private async Task<string> TranslatePieceAsync(string text, string? source, string target, CancellationToken cancellationToken)
    {
        var request = new Request([text], Target(target), source is null ? null : LanguageCodes.Primary(source).ToUpperInvariant());
        metrics.ProviderRequest(Name, text.Length);
        var response = await ProviderHttp.PostJsonAsync<Request, Response>(
            http,
            Name,
            new Uri(settings.BaseUri(), "v2/translate"),
            request,
            r => r.Headers.TryAddWithoutValidation("Authorization", "DeepL-Auth-Key " + settings.ApiKey),
            cancellationToken);
        return ProviderHttp.NonEmpty(Name, response.Translations is [var only] ? only.Text : null);
    }

    private sealed record Request(
        [property: JsonPropertyName("text")] string[] Text,
        [property: JsonPropertyName("target_lang")] string TargetLang,
        [property: JsonPropertyName("source_lang"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SourceLang);

    private sealed record Response([property: JsonPropertyName("translations")] Translation[]? Translations);

    private sealed record Translation([property: JsonPropertyName("text")] string? Text);
}
