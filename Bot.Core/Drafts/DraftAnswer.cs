namespace Bot.Core.Drafts;

/// <summary>The model's draft, or the one line (<paramref name="Failure"/>) that says why there is none.</summary>
public sealed record DraftAnswer(string? Text, string? Failure)
{
    public static DraftAnswer Failed(string line) => new(null, line);
}
