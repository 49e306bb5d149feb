using Microsoft.Extensions.Options;

namespace Bot.Core.Drafts;

/// <summary>Stops the host with one sentence naming the setting when drafts are configured but unusable.</summary>
internal sealed class DraftOptionsValidator : IValidateOptions<DraftOptions>
{
    public ValidateOptionsResult Validate(string? name, DraftOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return ValidateOptionsResult.Fail("Drafts__Endpoint must be an http(s) URL of an OpenAI-compatible server, e.g. https://api.openai.com/v1 (or leave it empty to turn drafts off).");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            return ValidateOptionsResult.Fail("Drafts__Model is not set: set the model that drafts replies, e.g. gpt-4o-mini or llama3.1.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            return ValidateOptionsResult.Fail("Drafts__Timeout must be more than zero and at most 5 minutes, e.g. 00:01:00.");
        }

        return options.RecentMessages is < 1 or > 200
            ? ValidateOptionsResult.Fail("Drafts__RecentMessages must be between 1 and 200: how many of the conversation's latest messages the model reads.")
            : ValidateOptionsResult.Success;
    }
}
