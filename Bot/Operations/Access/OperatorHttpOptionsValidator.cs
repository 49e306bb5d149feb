using Microsoft.Extensions.Options;

namespace Bot.Operations.Access;

/// <summary>Stops the host, with one sentence naming the setting, when the operator pages would be open to the network.</summary>
internal sealed class OperatorHttpOptionsValidator(IConfiguration configuration) : IValidateOptions<OperatorHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, OperatorHttpOptions options)
    {
        if (string.IsNullOrEmpty(options.HttpToken))
        {
            return ListenAddresses.FirstBeyondLoopback(configuration) is { } open
                ? ValidateOptionsResult.Fail(
                    $"The bridge listens beyond loopback ({open}), so set Operators__HttpToken to a long random secret (e.g. `openssl rand -hex 32`) that the status page and /metrics will require, or listen on 127.0.0.1 only (Urls).")
                : ValidateOptionsResult.Success;
        }

        return options.HttpToken.Length < OperatorHttpOptions.MinTokenLength || string.IsNullOrWhiteSpace(options.HttpToken)
            ? ValidateOptionsResult.Fail($"Operators__HttpToken must be at least {OperatorHttpOptions.MinTokenLength} characters: use a long random secret (e.g. `openssl rand -hex 32`).")
            : ValidateOptionsResult.Success;
    }
}
