using Microsoft.Extensions.Options;

namespace Bot.Core.Export;

/// <summary>An unknown time zone is refused at start with one sentence naming the setting.</summary>
public sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportOptions options)
    {
        try
        {
            _ = options.Zone;
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return ValidateOptionsResult.Fail(
                $"Export__TimeZone is \"{options.TimeZone}\", which is not a time zone this machine knows: set an IANA zone such as Europe/Berlin (or UTC).");
        }
    }
}
