namespace Bot.Core.Outbox;

/// <summary>How deliveries are retried and how many run at once (section "Relay").</summary>
public sealed class OutboxOptions
{
    public const string Section = "Relay";

    /// <summary>How long a delivery that fails for an outage (5xx, timeouts, connection errors, an account the
    /// marketplace refuses for now, a busy database) keeps being retried, from its first failure, before it becomes a
    /// dead letter. A refusal of the request itself (400, a rejected comment) is a dead letter at once; a 429 waits
    /// as told without counting.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Attempts before a delivery that fails with an unexpected error (more likely a bug than an outage)
    /// becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two attempts: after an outage ends, every delivery goes out within this.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Deliveries running at once (distinct lanes). Also the most that a crash can send twice.</summary>
    public int MaxParallelDeliveries { get; set; } = 8;
}
