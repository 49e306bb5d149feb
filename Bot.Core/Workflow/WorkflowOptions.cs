namespace Bot.Core.Workflow;

/// <summary>Waiting times, reminders and the daily digest (section "Workflow"). The defaults apply to every store;
/// <see cref="Stores"/> overrides them per store account.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    public string TimeZone { get; set; } = "UTC";

    public string OpenAt { get; set; } = "09:00";

    public string CloseAt { get; set; } = "18:00";

    public string DaysOff { get; set; } = "Saturday,Sunday";

    /// <summary>Working time before a reminder; <see cref="TimeSpan.Zero"/> turns reminders off.</summary>
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Local time (in <see cref="TimeZone"/>) of the daily digest in the general topic, on working days;
    /// empty turns it off.</summary>
    public string DigestAt { get; set; } = "09:30";

    /// <summary>Outside working hours, answer a buyer's first message once per off-hours period with
    /// <see cref="Acknowledgment"/>, translated into the buyer's language. Off by default.</summary>
    public bool AcknowledgeOffHours { get; set; }

    /// <summary>The automatic acknowledgment, in the staff language; "{opening}" becomes when the store opens again.</summary>
    public string Acknowledgment { get; set; } =
        "Thank you for your message! We are away right now and will answer after we open again ({opening}).";

    /// <summary>Close a conversation's topic after this long without messages and with nobody waiting (reopened when
    /// anything new arrives); <see cref="TimeSpan.Zero"/>, the default, never closes.</summary>
    public TimeSpan CloseQuietAfter { get; set; }

    /// <summary>How often waits are looked at.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Per store account (the marketplace account a conversation belongs to).</summary>
    public Dictionary<string, StoreHours> Stores { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The hours of a store: its own values where set, the defaults elsewhere.</summary>
    public WorkingHours HoursOf(string account)
    {
        var own = Stores.GetValueOrDefault(account);
        return WorkingHours.Parse(
            own?.TimeZone ?? TimeZone, own?.OpenAt ?? OpenAt, own?.CloseAt ?? CloseAt, own?.DaysOff ?? DaysOff,
            own?.ReminderAfter ?? ReminderAfter);
    }

    /// <summary>The hours the digest follows (the defaults: the staff chat is one).</summary>
    public WorkingHours DefaultHours => WorkingHours.Parse(TimeZone, OpenAt, CloseAt, DaysOff, ReminderAfter);
}
