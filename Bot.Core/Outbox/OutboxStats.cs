namespace Bot.Core.Outbox;

public sealed record OutboxStats(long Pending, long Dead, TimeSpan? OldestPendingAge);
