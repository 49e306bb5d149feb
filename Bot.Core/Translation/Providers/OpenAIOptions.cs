namespace Bot.Core.Translation.Providers;

public sealed class OpenAIOptions
{
    /// <summary>Base URL of an OpenAI-compatible server: https://api.openai.com, http://127.0.0.1:11434 (Ollama),
    /// or a URL ending in /v1 or /chat/completions.</summary>
    public string Url { get; set; } = "https://api.openai.com";

    /// <summary>Sent as a Bearer token; optional for local servers.</summary>
    public string? ApiKey { get; set; }

    public string? Model { get; set; }

    /// <summary>Characters per request; keeps prompt and answer well inside small models' context windows.</summary>
    public int MaxChunkLength { get; set; } = 4_000;

    internal Uri CompletionsUri()
    {
        var url = Url.TrimEnd('/');
        return new Uri(
            url.EndsWith("/chat/completions", StringComparison.OrdinalIgnoreCase) ? url
            : url.EndsWith("/v1", StringComparison.OrdinalIgnoreCase) ? url + "/chat/completions"
            : url + "/v1/chat/completions");
    }
}
