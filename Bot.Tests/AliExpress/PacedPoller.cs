using Bot.Core.MarketplaceRelay;
using Bot.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Tests.AliExpress;

/// <summary>The poller's loop without the database: fetch through the real client, pace, wait on the fake clock.</summary>
internal sealed class PacedPoller(AliExpressHarness h, MarketplaceOptions options)
{
    private readonly PollPace _pace = new(Options.Create(options), h.Time);
    private string? _cursor;

    public DateTimeOffset LastMessageAt { get; private set; }

    public async Task<TimeSpan> PollAsync()
    {
        var batch = await h.Client.FetchAsync(_cursor, CancellationToken.None);
        _cursor = batch.NextCursor;
        if (batch.Messages.Count > 0)
        {
            LastMessageAt = h.Time.GetUtcNow();
        }

        var wait = _pace.After(new MarketplacePoll(batch.HasMore, batch.Messages.Count));
        h.Time.Advance(wait);
        return wait;
    }
}
