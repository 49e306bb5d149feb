namespace Bot.Core.Formatting;

/// <summary>A duration for a log message, written by <see cref="Durations"/> only when the line is written.</summary>
public readonly record struct ReadableDuration(TimeSpan Span)
{
    public override string ToString() => Durations.Format(Span);
}
