using System.Globalization;
using Microsoft.Extensions.Options;

namespace Bot.Core.Workflow;

/// <summary>Refuses hours that cannot be read, with a sentence naming the variable to set.</summary>
public sealed class WorkflowOptionsValidator : IValidateOptions<WorkflowOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkflowOptions options)
    {
        var failures = new List<string>();
        Check(failures, "Workflow__", options.TimeZone, options.OpenAt, options.CloseAt, options.DaysOff, options.ReminderAfter);
        foreach (var (account, own) in options.Stores)
        {
            Check(failures, $"Workflow__Stores__{account}__", own.TimeZone ?? options.TimeZone, own.OpenAt ?? options.OpenAt,
                own.CloseAt ?? options.CloseAt, own.DaysOff ?? options.DaysOff, own.ReminderAfter ?? options.ReminderAfter);
        }

        if (options.DigestAt.Length > 0 && !TimeOnly.TryParseExact(options.DigestAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            failures.Add($"Workflow__DigestAt \"{options.DigestAt}\" is not a time; set HH:mm (e.g. 09:30) or leave it empty to send no digest.");
        }

        if (options.CloseQuietAfter < TimeSpan.Zero)
        {
            failures.Add("Workflow__CloseQuietAfter must not be negative (00:00:00 never closes topics).");
        }

        if (options.SweepInterval <= TimeSpan.Zero)
        {
            failures.Add("Workflow__SweepInterval must be positive (e.g. 00:01:00).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string prefix, string zone, string openAt, string closeAt, string daysOff, TimeSpan reminderAfter)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            failures.Add($"{prefix}TimeZone \"{zone}\" is not a known IANA time zone; set e.g. Europe/Berlin.");
        }

        foreach (var (key, value) in new[] { ("OpenAt", openAt), ("CloseAt", closeAt) })
        {
            if (!TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                failures.Add($"{prefix}{key} \"{value}\" is not a time; set HH:mm (e.g. 09:00).");
            }
        }

        var bad = daysOff.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(d => !Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out _) || int.TryParse(d, out _)).ToList();
        if (bad.Count > 0)
        {
            failures.Add($"{prefix}DaysOff has \"{string.Join(", ", bad)}\"; set English day names separated by commas (e.g. Saturday,Sunday).");
        }

        if (reminderAfter < TimeSpan.Zero)
        {
            failures.Add($"{prefix}ReminderAfter must not be negative (00:00:00 turns reminders off).");
        }
    }
}
