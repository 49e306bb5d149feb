namespace Bot.Core.Workflow;

/// <summary>How fast buyers were answered over <see cref="Period"/>, and who waits now.</summary>
public sealed record FirstResponseSummary(
    TimeSpan Period,
    int Answered,
    TimeSpan? Median,
    TimeSpan? P90,
    int WaitingNow,
    TimeSpan? LongestWaitNow);
