namespace Bot.Core.Logging;

/// <summary>What <see cref="FailureSeries"/> decided for one failure (or for the success ending a series).</summary>
/// <param name="Count">Failures the line speaks for: 1 for the first, those since the last line for a summary, the
/// whole series on recovery.</param>
/// <param name="Span">The time those failures took.</param>
public readonly record struct FailureTally(FailureLine Line, int Count, TimeSpan Span);
