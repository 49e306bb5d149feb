namespace Bot.Core.Operations.Alerts;

/// <summary>An alert the bridge holds: when it began, when the operator chat was last told (null: not yet, e.g.
/// while Telegram is down), and when the problem cleared (null while it holds).</summary>
public sealed record ActiveAlert(Alert Alert, DateTimeOffset Since, DateTimeOffset? LastSent, DateTimeOffset? ResolvedAt = null);
