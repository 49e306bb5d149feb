namespace Bot.Core.Outbox;

/// <summary>Where a delivery stands; stored as "pending", "done" or "dead".</summary>
public enum OutboxStatus
{
    /// <summary>Waiting in its lane (due now or later).</summary>
    Pending,

    /// <summary>Delivered, or settled without a delivery nobody could receive.</summary>
    Done,

    /// <summary>Given up on: a dead letter, until an operator retries it.</summary>
    Dead,
}
