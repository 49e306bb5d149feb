namespace Bot.Core.Operations;

/// <summary>One part's last known state.</summary>
/// <param name="FailingSince">When the current run of failures began; null while healthy.</param>
public sealed record PartState(bool Ok, DateTimeOffset? LastSuccess, string? LastError, DateTimeOffset? LastErrorAt, bool NeedsOperator, DateTimeOffset? FailingSince)
{
    public static PartState Unknown { get; } = new(false, null, null, null, false, null);
}
