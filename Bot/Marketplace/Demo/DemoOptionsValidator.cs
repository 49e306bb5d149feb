using Microsoft.Extensions.Options;

namespace Bot.Marketplace.Demo;

/// <summary>Stops the host at start-up with one sentence per unusable demo setting, naming the variable to set.</summary>
internal sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    private const string Prefix = "Demo__";

    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        var failures = new List<string>();
        if (options.NewConversationEvery <= TimeSpan.Zero)
        {
            failures.Add($"Set {Prefix}NewConversationEvery to a positive duration such as 00:03:00.");
        }

        if (options.MaxConversations < 1)
        {
            failures.Add($"Set {Prefix}MaxConversations to a positive number such as 30.");
        }

        if (options.ReplyDelay < TimeSpan.Zero)
        {
            failures.Add($"Set {Prefix}ReplyDelay to zero or a positive duration such as 00:00:20.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"Set {Prefix}PollInterval to a positive duration such as 00:00:05.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
