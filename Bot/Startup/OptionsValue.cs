using Microsoft.Extensions.Options;

namespace Bot.Startup;

/// <summary>Reads one options type while configuring another. A setting that is invalid is reported by its own
/// validator; the options that merely copy from it must not fail too, or they would hide their own problems.</summary>
internal static class OptionsValue
{
    public static T? OrNull<T>(this IOptions<T> options)
        where T : class
    {
        try
        {
            return options.Value;
        }
        catch (OptionsValidationException)
        {
            return null;
        }
        catch (InvalidOperationException e) when (UnreadableSetting.From(e) is not null)
        {
            return null;
        }
    }
}
