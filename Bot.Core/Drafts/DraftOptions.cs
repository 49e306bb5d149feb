namespace Bot.Core.Drafts;

/// <summary>Drafted replies (section "Drafts"): an OpenAI-compatible chat completions server drafts an answer to the
/// buyer when staff press "✍️ Draft". Off (no button) without <see cref="Endpoint"/>.</summary>
public sealed class DraftOptions
{
    public const string Section = "Drafts";

    /// <summary>The server's base URL; drafts are asked of <c>{Endpoint}/chat/completions</c> (e.g.
    /// https://api.openai.com/v1, or http://127.0.0.1:11434/v1 for a local Ollama).</summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Sent as a Bearer token; optional for a local server.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long staff wait for a draft before the topic is told it timed out.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A text or Markdown file the store edits: its templates and policies, sent with every request. A missing
    /// file means none.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>How many of the conversation's latest messages the model reads.</summary>
    public int RecentMessages { get; set; } = 20;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    internal Uri CompletionsUri()
    {
        var url = Endpoint!.TrimEnd('/');
        return new Uri(url.EndsWith("/chat/completions", StringComparison.OrdinalIgnoreCase) ? url : url + "/chat/completions");
    }
}
