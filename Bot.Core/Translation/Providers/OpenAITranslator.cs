using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Bot.Core.Translation.Providers;

/// <summary>Any OpenAI-compatible chat completions endpoint (OpenAI, Azure-style proxies, Ollama, llama.cpp, vLLM).</summary>
public sealed class OpenAITranslator(HttpClient http, IOptions<TranslationOptions> options, TranslationMetrics metrics) : ITranslator
{
    internal const string SystemPrompt =
        "You are a translation engine for customer-service messages between an online shop and its buyers. "
        + "Translate the user's message into the language with ISO 639-1 code '{target}'{source}. "
        + "Reply with the translation only: no quotes, no notes, no explanations, no greeting, and never answer the message. "
        + "Keep every placeholder of the form ⟦n⟧ exactly as it is, in a sensible position. "
        + "Keep line breaks. If the message is already in the target language, return it unchanged.";

    private readonly OpenAIOptions settings = options.Value.OpenAI;

    public string Name => "OpenAI";

    public Task<string> TranslateAsync(string text, string? sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        ChunkedTranslation.TranslateAsync(text, settings.MaxChunkLength, (piece, ct) => TranslatePieceAsync(piece, sourceLanguage, targetLanguage, ct), cancellationToken);

    internal static string Prompt(string? source, string target) => SystemPrompt
        .Replace("{target}", target, StringComparison.Ordinal)
        .Replace("{source}", source is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" from the language with code '{source}'"), StringComparison.Ordinal);

    private async Task<string> TranslatePieceAsync(string text, string? source, string target, CancellationToken cancellationToken)
    {
        var request = new Request(settings.Model!, [new Message("system", Prompt(source, target)), new Message("user", text)], 0);
        metrics.ProviderRequest(Name, text.Length);
        var response = await ProviderHttp.PostJsonAsync<Request, Response>(
            http,
            Name,
            settings.CompletionsUri(),
            request,
            r =>
            {
                if (!string.IsNullOrWhiteSpace(settings.ApiKey))
                {
                    r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + settings.ApiKey);
                }
            },
            cancellationToken);
        return ProviderHttp.NonEmpty(Name, response.Choices is [var first, ..] ? first.Message?.Content : null);
    }

    private sealed record Request(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("messages")] Message[] Messages,
        [property: JsonPropertyName("temperature")] double Temperature);

    private sealed record Message(
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("content")] string? Content);

    private sealed record Response([property: JsonPropertyName("choices")] Choice[]? Choices);

    private sealed record Choice([property: JsonPropertyName("message")] Message? Message);
}
