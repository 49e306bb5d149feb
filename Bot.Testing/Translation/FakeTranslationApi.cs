using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Bot.Testing.Translation;

/// <summary>State shared by a fake provider's endpoint and the test: how to answer, what was received, and every
/// way the request differed from what the real API expects.</summary>
public sealed partial class FakeTranslationApi
{
    public FakeMode Mode { get; set; } = FakeMode.Translate;

    /// <summary>(text, target) → translation. Default: upper-case everything, which leaves ⟦n⟧ alone.</summary>
    public Func<string, string, string> Transform { get; set; } = (text, _) => text.ToUpperInvariant();

    /// <summary>The provider's per-request limit; longer texts are rejected like the real API does.</summary>
    public int MaxTextLength { get; set; } = int.MaxValue;

    public ConcurrentQueue<FakeTranslationRequest> Requests { get; } = new();

    public ConcurrentQueue<string> Problems { get; } = new();

    public static string ReverseWords(string text, string target) => string.Join(' ', text.Split(' ').Reverse());

    public static string Identity(string text, string target) => text;

    /// <summary>Upper-cases the words and writes placeholders as some engines do: with spaces inside.</summary>
    public static string UpperWithSpacedPlaceholders(string text, string target) =>
        Placeholder().Replace(text.ToUpperInvariant(), m => "⟦ " + m.Groups[1].Value + " ⟧");

    public void Check(bool condition, string problem)
    {
        if (!condition)
        {
            Problems.Enqueue(problem);
        }
    }

    [GeneratedRegex(@"⟦(\d+)⟧")]
    private static partial Regex Placeholder();
}
