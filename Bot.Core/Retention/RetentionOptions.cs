namespace Bot.Core.Retention;

/// <summary>How long settled rows are kept (section "Retention"). The dispute record (messages and their copies),
/// conversations and pending deliveries are never pruned.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Delivered outbox rows are deleted this long after delivery.</summary>
    public TimeSpan DoneDeliveries { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Dead letters are deleted this long after they were given up (operators can /retry them until then).</summary>
    public TimeSpan DeadLetters { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Cached translations are deleted when unused this long (a use is recorded at most once a day).</summary>
    public TimeSpan TranslationCache { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Time between two prunings.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
