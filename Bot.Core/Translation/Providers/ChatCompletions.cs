using System.Text.Json.Serialization;

namespace Bot.Core.Translation.Providers;

/// <summary>One request to an OpenAI-compatible chat completions endpoint (OpenAI, Ollama, llama.cpp, vLLM): the
/// messages in, the first choice out. Used by the OpenAI translator and by drafted replies. Errors are
/// <see cref="TranslatorException"/>s without the request or the answer in their message.</summary>
internal static class ChatCompletions
{
    public static async Task<ChatCompletion> CompleteAsync(
        HttpClient http,
        string provider,
        Uri uri,
        string? apiKey,
        string model,
        IReadOnlyList<(string Role, string Content)> messages,
        double temperature,
        CancellationToken cancellationToken)
    {
        var request = new Request(model, [.. messages.Select(m => new Message(m.Role, m.Content, null))], temperature);
        var response = await ProviderHttp.PostJsonAsync<Request, Response>(
            http,
            provider,
            uri,
            request,
            r =>
            {
                if (!string.IsNullOrWhiteSpace(apiKey))
                {
                    r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + apiKey);
                }
            },
            cancellationToken);
        var first = response.Choices is [var choice, ..] ? choice : null;
        return new ChatCompletion(first?.Message?.Content, first?.Message?.Refusal, first?.FinishReason);
    }

    private sealed record Request(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("messages")] Message[] Messages,
        [property: JsonPropertyName("temperature")] double Temperature);

    private sealed record Message(
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("content")] string? Content,
        [property: JsonPropertyName("refusal"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Refusal);

    private sealed record Response([property: JsonPropertyName("choices")] Choice[]? Choices);

    private sealed record Choice(
        [property: JsonPropertyName("message")] Message? Message,
        [property: JsonPropertyName("finish_reason")] string? FinishReason);
}
