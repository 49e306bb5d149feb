namespace Bot.Core.Workflow;

/// <summary>One store's working hours as configured (section "Workflow" for every store, "Workflow:Stores:&lt;account&gt;"
/// for one). Unset values come from the section's defaults.</summary>
public sealed class StoreHours
{
    /// <summary>IANA time zone id, e.g. "Europe/Berlin".</summary>
    public string? TimeZone { get; set; }

    /// <summary>Local opening time, "HH:mm".</summary>
    public string? OpenAt { get; set; }

    /// <summary>Local closing time, "HH:mm"; equal to <see cref="OpenAt"/> means open all day.</summary>
    public string? CloseAt { get; set; }

    /// <summary>Days off, comma separated English day names ("Saturday,Sunday"); empty means none.</summary>
    public string? DaysOff { get; set; }

    /// <summary>Working time a buyer may wait before the topic gets a reminder; 0 turns reminders off.</summary>
    public TimeSpan? ReminderAfter { get; set; }
}
