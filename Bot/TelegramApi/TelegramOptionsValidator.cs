using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Bot.TelegramApi;

/// <summary>Stops the host at once, with one sentence that says what to set, when the Telegram settings are unusable.</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Telegram__BotToken is not set: set it to the token BotFather gave you (it looks like 123456789:AAH...).");
        }
        else if (!TokenShape().IsMatch(options.BotToken))
        {
            failures.Add("Telegram__BotToken is malformed: a bot token is digits, a colon and a key, like 123456789:AAH..., exactly as BotFather gave it.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Telegram__ApiBaseUrl must be an absolute http(s) URL such as https://api.telegram.org.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^\d{3,}:[A-Za-z0-9_-]{10,}$")]
    private static partial Regex TokenShape();
}
