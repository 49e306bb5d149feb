namespace Bot.Core.Export;

/// <summary>Transcript exports (section "Export").</summary>
public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>The store's time zone (IANA, e.g. "Europe/Berlin"): exports show each time in UTC and in this zone.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The zone, once validated.</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
