namespace Bot.Testing.Translation;

/// <summary>How a fake provider answers.</summary>
public enum FakeMode
{
    Translate,
    TooManyRequests,
    Garbage,

    /// <summary>Never answers (until the client gives up), to exercise the request timeout.</summary>
    Hang,

    /// <summary>HTTP 500, as a provider (or a local model server) that fails answers.</summary>
    ServerError,

    /// <summary>A chat model that declines: choices[0].message.refusal instead of content (OpenAI's refusal field).</summary>
    Refuse,
}
