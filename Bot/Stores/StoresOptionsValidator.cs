using Microsoft.Extensions.Options;

namespace Bot.Stores;

/// <summary>Stops the process, with one sentence naming the setting, when the stores' settings cannot work.</summary>
internal sealed class StoresOptionsValidator : IValidateOptions<StoresOptions>
{
    public ValidateOptionsResult Validate(string? name, StoresOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add("Stores__Directory must name the directory of the stores' settings files (one <store-id>.json per store).");
        }

        if (options.ScanInterval <= TimeSpan.Zero)
        {
            failures.Add("Stores__ScanInterval must be positive, such as 00:00:05.");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add("Stores__RetryDelay must be positive and Stores__MaxRetryDelay at least as long, such as 00:00:10 and 00:05:00.");
        }

        if (options.ReadinessTimeout <= TimeSpan.Zero)
        {
            failures.Add("Stores__ReadinessTimeout must be positive, such as 00:00:05.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
