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

    /// <summary>Delivery attempts before an item becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Deliveries running at once (distinct lanes). Also the most that a crash can send twice.</summary>
    public int MaxParallelDeliveries { get; set; } = 8;

    /// <summary>The largest photo taken from the marketplace for upload to Telegram (Telegram allows 10 MB).</summary>
    public int MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;
}
