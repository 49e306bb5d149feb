namespace Bot.Core.Operations.Alerts;

/// <summary>An alert that holds now: when it began and when operators were last told.</summary>
public sealed record ActiveAlert(Alert Alert, DateTimeOffset Since, DateTimeOffset LastSent);
