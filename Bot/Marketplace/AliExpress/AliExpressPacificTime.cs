using System.Globalization;

namespace Bot.Marketplace.AliExpress;

/// <summary>The order APIs write times as "US Pacific time" strings (reference 5.1), e.g. <c>2026-12-02 10:00:00</c>.</summary>
internal static class AliExpressPacificTime
{
    private static readonly TimeZoneInfo? Pacific = Find();

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            return epoch < 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(epoch) : DateTimeOffset.FromUnixTimeMilliseconds(epoch);
        }

        if (text.Contains('Z', StringComparison.Ordinal) || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 10)
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamped) ? stamped : null;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var offset = Pacific?.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)) ?? TimeSpan.FromHours(-8);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }

    private static TimeZoneInfo? Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
