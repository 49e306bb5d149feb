using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>Stops the host at start-up with one sentence per problem, naming the variable to set.</summary>
internal sealed class AliExpressOptionsValidator : IValidateOptions<AliExpressOptions>
{
    private const string Prefix = "Marketplace__AliExpress__";

    public ValidateOptionsResult Validate(string? name, AliExpressOptions options)
    {
        var failures = new List<string>();
        Require(failures, options.AppKey, "AppKey", "the app key of your AliExpress Open Platform application");
        Require(failures, options.AppSecret, "AppSecret", "the app secret of your AliExpress Open Platform application");
        Require(failures, options.SellerLoginId, "SellerLoginId", "the seller's AliExpress login id");

        if (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"Set {Prefix}GatewayUrl to an absolute http(s) URL such as https://api-sg.aliexpress.com.");
        }

        if (options.CallbackUrl.Length > 0 && !Uri.TryCreate(options.CallbackUrl, UriKind.Absolute, out _))
        {
            failures.Add($"Set {Prefix}CallbackUrl to the absolute callback URL registered for the app, such as https://bridge.example.com/aliexpress/callback.");
        }

        if (options.RefreshAtShareOfLifetime is <= 0 or >= 1)
        {
            failures.Add($"Set {Prefix}RefreshAtShareOfLifetime between 0 and 1 (exclusive), such as 0.8.");
        }

        if (options.RefreshAhead < TimeSpan.Zero || options.RefreshRetry <= TimeSpan.Zero || options.AuthorizationWarning < TimeSpan.Zero)
        {
            failures.Add($"Set {Prefix}RefreshAhead and {Prefix}AuthorizationWarning to zero or a positive duration and {Prefix}RefreshRetry to a positive one, such as 1.00:00:00, 7.00:00:00 and 00:01:00.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"Set {Prefix}PollInterval to a positive duration such as 00:00:15.");
        }

        if (options.IdlePollInterval is { } idle && idle < options.PollInterval)
        {
            failures.Add($"Set {Prefix}IdlePollInterval to a duration no shorter than {Prefix}PollInterval, such as 00:02:00, or leave it unset.");
        }

        if (options.ActiveFor < TimeSpan.Zero)
        {
            failures.Add($"Set {Prefix}ActiveFor to zero or a positive duration such as 00:05:00.");
        }

        if (options.DailyCallBudget < 0)
        {
            failures.Add($"Set {Prefix}DailyCallBudget to a number of calls such as 10000, or 0 for no budget warning.");
        }

        if (options.PollOverlap < TimeSpan.Zero)
        {
            failures.Add($"Set {Prefix}PollOverlap to zero or a positive duration such as 00:02:00.");
        }

        if (options.MaxClockSkew < TimeSpan.Zero)
        {
            failures.Add($"Set {Prefix}MaxClockSkew to zero or a positive duration such as 00:30:00.");
        }

        if (options.InitialLookback <= TimeSpan.Zero)
        {
            failures.Add($"Set {Prefix}InitialLookback to a positive duration such as 1.00:00:00.");
        }

        if (options.PageSize is < 1 or > 100)
        {
            failures.Add($"Set {Prefix}PageSize between 1 and 100 (the platform's limit).");
        }

        if (options.MaxMessagesPerFetch < 1)
        {
            failures.Add($"Set {Prefix}MaxMessagesPerFetch to a positive number such as 500.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string value, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"Set {Prefix}{key} to {what}.");
        }
    }
}
