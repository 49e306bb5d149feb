namespace Bot.Testing.Translation;

/// <summary>How a fake provider answers.</summary>
public enum FakeMode
{
    Translate,
    TooManyRequests,
    Garbage,

    /// <summary>Never answers (until the client gives up), to exercise the request timeout.</summary>
    Hang,
}
