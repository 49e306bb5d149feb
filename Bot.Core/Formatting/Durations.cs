using System.Globalization;

namespace Bot.Core.Formatting;

/// <summary>The one way durations are written for operators (commands, alerts, the status page, readiness, the log):
/// at most two units, largest first, like "45 s", "3 min 20 s", "2 h 5 min", "3 d 4 h".</summary>
public static class Durations
{
    public static string Format(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return "0 s";
        }

        if (span < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0.1, Math.Floor(span.TotalSeconds * 10) / 10):0.#} s");
        }

        return span switch
        {
            { TotalDays: >= 1 } => Two((int)span.TotalDays, "d", span.Hours, "h"),
            { TotalHours: >= 1 } => Two(span.Hours, "h", span.Minutes, "min"),
            { TotalMinutes: >= 1 } => Two(span.Minutes, "min", span.Seconds, "s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{span.Seconds} s"),
        };
    }

    private static string Two(int major, string majorUnit, int minor, string minorUnit) => minor == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{major} {majorUnit}")
        : string.Create(CultureInfo.InvariantCulture, $"{major} {majorUnit} {minor} {minorUnit}");
}
