using System.Globalization;
using System.Text;
using Bot.Core.Formatting;

namespace Bot.Core.Workflow;

/// <summary>/stats' text: per person and for the team, conversations answered and the median first response, for
/// this week and last (weeks start on Monday in the stores' default zone).</summary>
public static class StaffStats
{
    /// <summary>Who answered in the seller center rather than through the bridge.</summary>
    public const string Marketplace = "in the marketplace";

    public static (DateTimeOffset LastWeek, DateTimeOffset ThisWeek) Weeks(WorkingHours hours, DateTimeOffset now)
    {
        var today = hours.DayOf(now);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return (hours.ToUtc(monday.AddDays(-7), TimeOnly.MinValue), hours.ToUtc(monday, TimeOnly.MinValue));
    }

    public static string Text(IReadOnlyList<AnsweredWait> answered, WorkingHours hours, DateTimeOffset now)
    {
        var (lastWeek, thisWeek) = Weeks(hours, now);
        var text = new StringBuilder("📊 <b>Answers</b>");
        Week(text, "This week", thisWeek, answered.Where(a => a.AnsweredAt >= thisWeek).ToList(), hours);
        Week(text, "Last week", lastWeek, answered.Where(a => a.AnsweredAt >= lastWeek && a.AnsweredAt < thisWeek).ToList(), hours);
        return text.ToString();
    }

    private static void Week(StringBuilder text, string title, DateTimeOffset start, IReadOnlyList<AnsweredWait> waits, WorkingHours hours)
    {
        var since = hours.Local(start).ToString("ddd d MMM", CultureInfo.InvariantCulture);
        text.Append(CultureInfo.InvariantCulture, $"\n\n<b>{title}</b> (from {since}): team {Line(waits)}");
        foreach (var person in waits.GroupBy(w => w.AnsweredBy ?? Marketplace).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n• {Html.Escape(person.Key)}: {Line(person.ToList())}");
        }
    }

    private static string Line(IReadOnlyList<AnsweredWait> waits)
    {
        var conversations = Plural.Of(waits.Select(w => w.ConversationId).Distinct().Count(), "conversation", "conversations");
        return FirstResponseTimes.Percentile(waits.Select(w => w.FirstResponse).ToList(), 50) is { } median
            ? $"{conversations} answered, median first response {Durations.Format(median)}"
            : $"{conversations} answered";
    }
}
