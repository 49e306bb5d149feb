using System.Globalization;

namespace Bot.Core.Workflow;

/// <summary>A store's working week in its own time zone: when it is open, and how much working time lies between two
/// moments. Local times that a daylight-saving change skips move to the first valid moment after them.</summary>
public sealed record WorkingHours(TimeZoneInfo Zone, TimeOnly OpenAt, TimeOnly CloseAt, IReadOnlySet<DayOfWeek> DaysOff, TimeSpan ReminderAfter)
{
    private const int MaxDays = 370;

    public static WorkingHours Parse(string zone, string openAt, string closeAt, string daysOff, TimeSpan reminderAfter) => new(
        TimeZoneInfo.FindSystemTimeZoneById(zone),
        TimeOnly.ParseExact(openAt, "HH:mm", CultureInfo.InvariantCulture),
        TimeOnly.ParseExact(closeAt, "HH:mm", CultureInfo.InvariantCulture),
        daysOff.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => Enum.Parse<DayOfWeek>(d, ignoreCase: true)).ToHashSet(),
        reminderAfter);

    /// <summary>The local date of a moment in this zone.</summary>
    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);

    public DateTimeOffset Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    /// <summary>The working window of a local day, or null on a day off.</summary>
    public (DateTimeOffset Open, DateTimeOffset Close)? Window(DateOnly day)
    {
        if (DaysOff.Contains(day.DayOfWeek))
        {
            return null;
        }

        var open = ToUtc(day, OpenAt);
        return OpenAt == CloseAt ? (open, ToUtc(day.AddDays(1), TimeOnly.MinValue)) : (open, ToUtc(day, CloseAt));
    }

    public bool IsOpen(DateTimeOffset moment) => Window(DayOf(moment)) is { } w && moment >= w.Open && moment < w.Close;

    /// <summary>Working time between two moments (zero when <paramref name="to"/> is not later).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        var last = DayOf(to);
        var day = DayOf(from).AddDays(-1);
        if (last.DayNumber - day.DayNumber > MaxDays)
        {
            day = last.AddDays(-MaxDays); // A wait of more than a year is long enough; do not walk further back.
        }

        for (; day <= last; day = day.AddDays(1))
        {
            if (Window(day) is { } w)
            {
                var start = w.Open > from ? w.Open : from;
                var end = w.Close < to ? w.Close : to;
                total += end > start ? end - start : TimeSpan.Zero;
            }
        }

        return total;
    }

    /// <summary>The next moment the store opens (the moment itself when it is open).</summary>
    public DateTimeOffset NextOpening(DateTimeOffset moment)
    {
        for (var day = DayOf(moment); day <= DayOf(moment).AddDays(14); day = day.AddDays(1))
        {
            if (Window(day) is { } w && w.Close > moment)
            {
                return w.Open > moment ? w.Open : moment;
            }
        }

        return moment; // Every day off: never "closed".
    }

    /// <summary>The moment of a local date and time (a time skipped by a daylight-saving change moves forward).</summary>
    public DateTimeOffset ToUtc(DateOnly day, TimeOnly at)
    {
        var local = day.ToDateTime(at, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15); // Skipped by a spring-forward change.
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }
}
