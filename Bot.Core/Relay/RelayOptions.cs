namespace Bot.Core.Relay;

/// <summary>How the relay behaves (section "Relay"; the staff chat id comes from the Telegram section).</summary>
public sealed class RelayOptions
{
    /// <summary>The staff supergroup (with topics) where every conversation gets a topic.</summary>
    public long StaffChatId { get; set; }

    /// <summary>The language staff read and write (ISO 639-1).</summary>
    public string StaffLanguage { get; set; } = "en";

    /// <summary>Post the staff's original text beneath its translation on the marketplace, so a dispute mediator
    /// sees both.</summary>
    public bool IncludeOriginalOnMarketplace { get; set; } = true;

    /// <summary>How long after the bridge posted into a marketplace conversation its echo is still recognised.</summary>
    public TimeSpan EchoWindow { get; set; } = TimeSpan.FromHours(24);

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

    /// <summary>The largest photo taken from the marketplace for upload to Telegram (Telegram allows 10 MB).</summary>
    public int MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;
}
