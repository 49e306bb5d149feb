namespace Bot.Operations;

/// <summary>The answer of /readyz.</summary>
internal sealed record ReadinessReport(bool Ready, bool Paused, IReadOnlyList<CheckResult> Checks);
