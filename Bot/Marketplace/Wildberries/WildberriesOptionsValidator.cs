using Microsoft.Extensions.Options;

namespace Bot.Marketplace.Wildberries;

/// <summary>Stops the host at start-up with one sentence per problem, naming the variable to set.</summary>
internal sealed class WildberriesOptionsValidator : IValidateOptions<WildberriesOptions>
{
    private const string Prefix = "Marketplace__Wildberries__";

    public ValidateOptionsResult Validate(string? name, WildberriesOptions options)
    {
        var failures = new List<string>();
        var token = WildberriesToken.Read(options.Token);
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add($"Set {Prefix}Token to a Wildberries API token of the Personal type with the Buyers Chat category (seller portal: Settings, API access).");
        }
        else if (token is null)
        {
            failures.Add($"{Prefix}Token is not a Wildberries API token (a JWT starting with eyJ): copy the whole token from the seller portal.");
        }
        else if (token.AccessType == WildberriesToken.Basic)
        {
            failures.Add($"{Prefix}Token is a Basic token, which Wildberries limits to 1 buyer-chat request per hour: create a Personal token with the Buyers Chat category and set it instead.");
        }
        else if (token.AccessType == WildberriesToken.Test)
        {
            failures.Add($"{Prefix}Token is a Test token, which only works in the Wildberries sandbox: create a Personal token with the Buyers Chat category and set it instead.");
        }

        if (string.IsNullOrWhiteSpace(options.Account))
        {
            failures.Add($"Set {Prefix}Account to a short name for the store, such as main.");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"Set {Prefix}BaseUrl to an absolute http(s) URL such as https://buyer-chat-api.wildberries.ru.");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.IdlePollInterval <= TimeSpan.Zero || options.ActiveFor < TimeSpan.Zero)
        {
            failures.Add($"Set {Prefix}PollInterval (and {Prefix}IdlePollInterval when set) to a positive duration such as 00:00:15.");
        }

        if (options.RequestsPerWindow < 1 || options.RateWindow <= TimeSpan.Zero)
        {
            failures.Add($"Set {Prefix}RequestsPerWindow to at least 1 and {Prefix}RateWindow to a positive duration (the platform allows 10 per 00:00:10).");
        }

        if (options.ExpiryWarning < TimeSpan.Zero)
        {
            failures.Add($"Set {Prefix}ExpiryWarning to zero or a positive duration such as 14.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
