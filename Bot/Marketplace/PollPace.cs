using Bot.Core.MarketplaceRelay;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace;

/// <summary>How long the poller waits after a poll that worked: at once while the marketplace has more, every
/// <see cref="MarketplaceOptions.PollInterval"/> while a message came within <see cref="MarketplaceOptions.ActiveFor"/>,
/// and otherwise twice as long as the previous wait, up to <see cref="MarketplaceOptions.IdlePollInterval"/>.</summary>
internal sealed class PollPace(IOptions<MarketplaceOptions> options, TimeProvider time)
{
    private TimeSpan _wait;
    private DateTimeOffset? _lastActivity;

    public TimeSpan After(MarketplacePoll poll)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        if (poll.Messages > 0)
        {
            _lastActivity = now;
        }

        if (poll.HasMore)
        {
            return TimeSpan.Zero;
        }

        _wait = _lastActivity is { } last && now - last < settings.ActiveFor
            ? settings.PollInterval
            : Min(settings.IdlePollInterval, Max(settings.PollInterval, _wait) * 2);
        return Max(_wait, settings.PollInterval);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
