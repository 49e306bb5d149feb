using System.Globalization;
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
        metrics.ProviderRequest(Name, text.Length);
        var completion = await ChatCompletions.CompleteAsync(
            http, Name, settings.CompletionsUri(), settings.ApiKey, settings.Model!, [("system", Prompt(source, target)), ("user", text)], 0, cancellationToken);
        return ProviderHttp.NonEmpty(Name, completion.Content);
    }
}
