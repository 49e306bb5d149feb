using System.Globalization;

namespace Bot.Core.Export;

/// <summary>A transcript's times: in UTC and in the store's zone, to the second.</summary>
public static class TranscriptTimes
{
    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Local(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            + $" {zone.Id} (UTC{sign}{offset.Duration():hh\\:mm})";
    }
}
