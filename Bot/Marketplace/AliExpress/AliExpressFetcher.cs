using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>One incremental fetch: relations active since the cursor, then their new messages.</summary>
/// <remarks>
/// A window runs from the cursor's <c>since</c> to the local clock plus <see cref="AliExpressOptions.MaxClockSkew"/>.
/// Relations are listed by the time of their last message and worked off oldest first; a fetch stops after roughly
/// <see cref="AliExpressOptions.MaxMessagesPerFetch"/> messages, at a point where the next relation is strictly newer,
/// and returns a cursor that continues the same window after that point (<c>from</c> moves, <c>since</c> does not, so
/// relations not yet read still yield every message since the window start). A relation that gets a new message
/// meanwhile moves to the end of the listing and is read again: the core de-duplicates. The cursor only moves past a
/// relation once all its messages are in the returned batch.
/// The next window starts <see cref="AliExpressOptions.PollOverlap"/> before the newest marketplace timestamp seen,
/// never at the local clock: a host clock running ahead of the marketplace's cannot push the cursor past messages
/// the marketplace has not stamped yet, and one running behind still lists them.
/// A relation whose row shows the same last message (time and id) as when it was last read to its end is not read
/// again (<see cref="AliExpressCursor.Read"/>): the overlap re-lists it, but costs no detail call. This relies on the
/// relation row changing whenever a message is added to it; a relation counts as read only once its details held the
/// message the row names as its last, so a detail answer that lags behind the row is read again on the next poll.
/// </remarks>
internal sealed class AliExpressFetcher(
    AliExpressRelationLister lister,
    AliExpressDetailReader reader,
    IOptions<AliExpressOptions> options,
    TimeProvider time,
    ILogger<AliExpressFetcher> logger)
{
    public async Task<MarketplaceBatch> FetchAsync(string? cursorText, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var skew = (long)settings.MaxClockSkew.TotalMilliseconds;
        var parsed = AliExpressCursor.TryParse(cursorText);
        if (parsed is null && !string.IsNullOrWhiteSpace(cursorText))
        {
            AliExpressLog.CursorUnreadable(logger, settings.InitialLookback);
        }

        var start = now - (long)settings.InitialLookback.TotalMilliseconds;
        var cursor = parsed ?? new AliExpressCursor(start, start);

        var windowEnd = Math.Max(now + skew, cursor.From);
        var (relations, listedTo) = await lister.ListAsync(cursor.From, windowEnd, cursor.WasRead, cancellationToken);
        var ordered = relations.OrderBy(r => r.MessageTimeMs ?? cursor.From).ThenBy(r => r.ChannelId, StringComparer.Ordinal).ToList();

        var messages = new List<MarketplaceMessage>();
        var newest = long.MinValue;
        var setAside = new List<MarketplaceSetAside>();
        var read = new List<AliExpressRelation>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (cursor.WasRead(ordered[i]))
            {
                // Its row shows the same last message as when it was read to its end: nothing new to fetch.
                continue;
            }

            var found = await reader.ReadAsync(ordered[i], cursor.Since, setAside, cancellationToken);
            if (found.Any(m => ordered[i].Names(m)))
            {
                // Read to the message its row names as the last: only a new message can change the row.
                read.Add(ordered[i]);
            }

            foreach (var message in found)
            {
                var ms = message.SentAt.ToUnixTimeMilliseconds();
                newest = ms <= windowEnd ? Math.Max(newest, ms) : newest;
                if (!cursor.WasReported(message.ConversationId, message.MessageId))
                {
                    messages.Add(message);
                }
            }

            var current = ordered[i].MessageTimeMs ?? cursor.From;
            var next = i + 1 < ordered.Count ? ordered[i + 1].MessageTimeMs ?? cursor.From : (long?)null;
            if (messages.Count >= settings.MaxMessagesPerFetch && next > current)
            {
                // Everything up to `current` is in this batch; relations at `current + 1` and later come next.
                return Done(messages, setAside, read, cursor with { From = current + 1 }, hasMore: true, ordered.Count, cursor.Since, listedTo);
            }
        }

        if (listedTo < windowEnd)
        {
            // The listing hit the row cap and was narrowed: continue the same window after the part just read.
            return Done(messages, setAside, read, cursor with { From = listedTo + 1 }, hasMore: true, ordered.Count, cursor.Since, listedTo);
        }

        var nextStart = NextStart(cursor, ordered, newest, now, windowEnd);
        return Done(messages, setAside, read, new AliExpressCursor(nextStart, nextStart) { Seen = cursor.Seen, Read = cursor.Read }, hasMore: false, ordered.Count, cursor.Since, windowEnd);
    }

    /// <summary>Where the next window starts once this one is complete: <c>overlap</c> before the newest time the
    /// marketplace stamped (late-indexed messages), but not earlier than <c>skew + overlap</c> before the local clock
    /// (so quiet relations stop being re-read), and never behind the current start.</summary>
    /// <remarks>With the clocks at most <c>skew</c> apart, the marketplace's now is at least <c>now - skew</c>, so no
    /// message it stamps from here on can fall before either bound. Times beyond the window (garbage) are ignored.</remarks>
    private long NextStart(AliExpressCursor cursor, List<AliExpressRelation> relations, long newestMessage, long now, long windowEnd)
    {
        var overlap = (long)options.Value.PollOverlap.TotalMilliseconds;
        var skew = (long)options.Value.MaxClockSkew.TotalMilliseconds;
        var newest = relations.Select(r => r.MessageTimeMs ?? long.MinValue)
            .Where(t => t <= windowEnd)
            .Append(newestMessage)
            .Max();
        var fromMarketplace = newest == long.MinValue ? long.MinValue : newest - overlap;
        return Math.Max(cursor.Since, Math.Max(fromMarketplace, now - skew - overlap));
    }

    private MarketplaceBatch Done(List<MarketplaceMessage> messages, List<MarketplaceSetAside> setAside, List<AliExpressRelation> read, AliExpressCursor next, bool hasMore, int relations, long from, long to)
    {
        AliExpressLog.Fetched(logger, relations, messages.Count, DateTimeOffset.FromUnixTimeMilliseconds(from), DateTimeOffset.FromUnixTimeMilliseconds(to), hasMore);
        var ordered = messages.OrderBy(m => m.SentAt).ThenBy(m => m.ConversationId, StringComparer.Ordinal).ThenBy(m => m.MessageId, StringComparer.Ordinal).ToList();
        next = next.Remembering(ordered.Select(m => (AliExpressCursor.Key(m.ConversationId, m.MessageId), m.SentAt.ToUnixTimeMilliseconds())))
            .RememberingRead(read);
        return new MarketplaceBatch(ordered, next.Serialize(), hasMore, setAside);
    }
}
