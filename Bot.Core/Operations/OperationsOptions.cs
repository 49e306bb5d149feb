namespace Bot.Core.Operations;

/// <summary>Section "Operations": the bounds of readiness and alerts.</summary>
public sealed class OperationsOptions
{
    /// <summary>How often the alert rules are evaluated.</summary>
    public TimeSpan AlertCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an alert that still holds is repeated in the operator chat.</summary>
    public TimeSpan AlertReminderInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Marketplace polling failing for this long raises an alert.</summary>
    public TimeSpan PollFailureAlertAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Telegram's getUpdates failing for this long raises an alert.</summary>
    public TimeSpan TelegramFailureAlertAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A delivery pending this long raises an alert (Telegram or the marketplace keeps refusing sends).</summary>
    public TimeSpan StuckDeliveryAlertAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>/readyz fails when the last successful marketplace poll is older than this.</summary>
    public TimeSpan ReadyMaxPollAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>/readyz fails when Telegram last answered longer ago than this.</summary>
    public TimeSpan ReadyMaxTelegramSilence { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How long the database check of /readyz may take.</summary>
    public TimeSpan ReadyDatabaseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
