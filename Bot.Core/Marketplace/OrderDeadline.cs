namespace Bot.Core.Marketplace;

/// <summary>When the order's current status times out, and what must happen by then (e.g. "Ship by").</summary>
public sealed record OrderDeadline(string What, DateTimeOffset At);
