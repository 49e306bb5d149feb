namespace Bot.Core.Export;

/// <summary>The message a transcript entry answers (a staff reply to one buyer message, even one of several that reached
/// staff merged in one Telegram message).</summary>
/// <param name="MessageId">The answered entry's <see cref="TranscriptEntry.Id"/>.</param>
/// <param name="FirstWords">The answered message's beginning, cut at a word.</param>
public sealed record TranscriptReply(long MessageId, DateTimeOffset At, string FirstWords)
{
    private const int Length = 60;

    /// <summary>"in reply to 2026-12-01 10:05:00 UTC “Is the parcel sent…”".</summary>
    public string Label => $"in reply to {TranscriptTimes.Utc(At)} “{FirstWords}”";

    public static TranscriptReply Of(long messageId, DateTimeOffset at, string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= Length)
        {
            return new TranscriptReply(messageId, at, flat);
        }

        var cut = flat.LastIndexOf(' ', Length);
        var end = cut > Length / 2 ? cut : Length;
        if (char.IsHighSurrogate(flat[end - 1]))
        {
            end--; // never half an emoji
        }

        return new TranscriptReply(messageId, at, flat[..end].TrimEnd() + "…");
    }
}
