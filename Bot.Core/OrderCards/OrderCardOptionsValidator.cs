using Microsoft.Extensions.Options;

namespace Bot.Core.OrderCards;

/// <summary>Stops the host with one sentence when the refresh interval is unusable.</summary>
internal sealed class OrderCardOptionsValidator : IValidateOptions<OrderCardOptions>
{
    public ValidateOptionsResult Validate(string? name, OrderCardOptions options) =>
        options.OrderRefreshInterval <= TimeSpan.Zero || options.OrderRefreshInterval > TimeSpan.FromDays(1)
            ? ValidateOptionsResult.Fail(
                "Marketplace__OrderRefreshInterval must be more than zero and at most a day: set it to how often an active conversation's order card may be read again, e.g. 00:05:00.")
            : ValidateOptionsResult.Success;
}
