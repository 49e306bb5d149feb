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

    /// <summary>Parked Telegram updates that were handled or given up are deleted this long after.</summary>
    public TimeSpan ParkedUpdates { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Resolved alerts are deleted this long after they were resolved.</summary>
    public TimeSpan ResolvedAlerts { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Malformed marketplace items set aside are deleted this long after the poller last met them.</summary>
    public TimeSpan SetAsideItems { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Buyer invitations are deleted this long after they expired (used or not; an expired code is refused
    /// either way).</summary>
    public TimeSpan ExpiredInvitations { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Drafted replies posted in staff topics are deleted this long after they were drafted (their Send button
    /// then says the draft is no longer available).</summary>
    public TimeSpan Drafts { get; set; } = TimeSpan.FromDays(30);
}
