using Bot.Core.Translation;

namespace Bot.Benchmarks.Infrastructure;

/// <summary>A translation provider that answers at once and counts the calls (and characters) it was sent.</summary>
public sealed class CountingTranslator : ITranslator
{
    private long calls;
    private long characters;

    public string Name => "Counting";

    public long Calls => Interlocked.Read(ref calls);

    public long Characters => Interlocked.Read(ref characters);

    public Task<string> TranslateAsync(string text, string? sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        Interlocked.Add(ref characters, text.Length);
        return Task.FromResult($"[{targetLanguage}] {text}");
    }
}
