namespace Bot.Operations;

/// <summary>One named readiness check; <see cref="Detail"/> is free of secrets.</summary>
internal sealed record CheckResult(string Name, bool Ok, string Detail);
