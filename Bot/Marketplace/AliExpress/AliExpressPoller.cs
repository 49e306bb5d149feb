using Bot.Core.Marketplace;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>One incremental fetch: relations active since the cursor, then their new messages.</summary>
/// <remarks>
/// A window runs from the cursor's <c>since</c> (the previous window's end minus the overlap) to now. Relations are
/// listed by the time of their last message and worked off oldest first; a fetch stops after roughly
/// <see cref="AliExpressOptions.MaxMessagesPerFetch"/> messages, at a point where the next relation is strictly newer,
/// and returns a cursor that continues the same window after that point (<c>from</c> moves, <c>since</c> does not, so
/// relations not yet read still yield every message since the window start). A relation that gets a new message
/// meanwhile moves to the end of the listing and is read again: the core de-duplicates. The cursor only moves past a
/// relation once all its messages are in the returned batch.
/// </remarks>
internal sealed class AliExpressPoller(
    AliExpressRelationLister lister,
    AliExpressDetailReader reader,
    IOptions<AliExpressOptions> options,
    TimeProvider time,
    ILogger<AliExpressPoller> logger)
{
    public async Task<MarketplaceBatch> FetchAsync(string? cursorText, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var parsed = AliExpressCursor.TryParse(cursorText);
        if (parsed is null && !string.IsNullOrWhiteSpace(cursorText))
        {
            AliExpressLog.CursorUnreadable(logger, settings.InitialLookback);
        }

        var cursor = parsed
            ?? new AliExpressCursor(now - (long)settings.InitialLookback.TotalMilliseconds, now - (long)settings.InitialLookback.TotalMilliseconds);

        var windowEnd = Math.Max(now, cursor.From);
        var (relations, listedTo) = await lister.ListAsync(cursor.From, windowEnd, cancellationToken);
        var ordered = relations.OrderBy(r => r.MessageTimeMs ?? cursor.From).ThenBy(r => r.ChannelId, StringComparer.Ordinal).ToList();

        var messages = new List<MarketplaceMessage>();
        for (var i = 0; i < ordered.Count; i++)
        {
            messages.AddRange(await reader.ReadAsync(ordered[i], cursor.Since, cancellationToken));

            var current = ordered[i].MessageTimeMs ?? cursor.From;
            var next = i + 1 < ordered.Count ? ordered[i + 1].MessageTimeMs ?? cursor.From : (long?)null;
            if (messages.Count >= settings.MaxMessagesPerFetch && next > current)
            {
                // Everything up to `current` is in this batch; relations at `current + 1` and later come next.
                return Done(messages, cursor with { From = current + 1 }, hasMore: true, ordered.Count, cursor.Since, listedTo);
            }
        }

        if (listedTo < windowEnd)
        {
            // The listing hit the row cap and was narrowed: continue the same window after the part just read.
            return Done(messages, cursor with { From = listedTo + 1 }, hasMore: true, ordered.Count, cursor.Since, listedTo);
        }

        // Window complete. The next one starts `overlap` before its end, for clock skew and late-indexed messages.
        var nextStart = Math.Max(cursor.Since, windowEnd - (long)settings.PollOverlap.TotalMilliseconds);
        return Done(messages, new AliExpressCursor(nextStart, nextStart), hasMore: false, ordered.Count, cursor.Since, windowEnd);
    }

    private MarketplaceBatch Done(List<MarketplaceMessage> messages, AliExpressCursor next, bool hasMore, int relations, long from, long to)
    {
        AliExpressLog.Fetched(logger, relations, messages.Count, DateTimeOffset.FromUnixTimeMilliseconds(from), DateTimeOffset.FromUnixTimeMilliseconds(to), hasMore);
        var ordered = messages.OrderBy(m => m.SentAt).ThenBy(m => m.ConversationId, StringComparer.Ordinal).ThenBy(m => m.MessageId, StringComparer.Ordinal).ToList();
        return new MarketplaceBatch(ordered, next.Serialize(), hasMore);
    }
}
