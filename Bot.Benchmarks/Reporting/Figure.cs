namespace Bot.Benchmarks.Reporting;

/// <summary>One measured figure and what it is compared with; <see cref="Verdict"/> says whether the measurement
/// meets the target (null when the figure has no target of its own).</summary>
public sealed record Figure(string Name, string Measured, string Reference, string? Verdict = null);
