namespace Bot.Core.Outbox;

/// <summary>What follows a failed attempt: a dead letter, the item settled undelivered (<see cref="Settle"/>, with
/// <see cref="GiveUp"/>), or another attempt at <see cref="Due"/>.</summary>
/// <param name="Attempts">The item's attempt count to store (a rate-limit wait spends none).</param>
/// <param name="FailingSince">When the current run of failures began, to store with the item.</param>
public sealed record RetryDecision(bool GiveUp, int Attempts, DateTimeOffset Due, DateTimeOffset? FailingSince, string? Why = null, bool Settle = false);
