using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>One incremental fetch over the IM family: the buyers whose conversation changed since the watermark, then
/// their new messages. Same discipline as <see cref="AliExpressFetcher"/>: the watermark follows the marketplace's own
/// times less <see cref="AliExpressOptions.PollOverlap"/>; a conversation whose listing row shows the same last message
/// as when it was read to its end costs no message call; reported ids are remembered so the overlap reports nothing
/// twice. An idle poll is one listing call.</summary>
/// <remarks>Not split into several batches like the older family's large windows: a fetch reads every conversation
/// with news (at most 20 messages a call).</remarks>
internal sealed class AliExpressImFetcher(
    AliExpressImSessionLister lister, AliExpressImMessageReader reader, IOptions<AliExpressOptions> options, TimeProvider time, ILogger<AliExpressImFetcher> logger)
{
    public async Task<MarketplaceBatch> FetchAsync(string? cursorText, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var skew = (long)settings.MaxClockSkew.TotalMilliseconds;
        var overlap = (long)settings.PollOverlap.TotalMilliseconds;
        var cursor = AliExpressImCursor.From(cursorText, now - (long)settings.InitialLookback.TotalMilliseconds);
        var windowEnd = now + skew;

        var sessions = (await lister.ListAsync(cursor.Since, windowEnd, cursor.WasRead, cancellationToken))
            .OrderBy(s => s.LastTimeMs ?? cursor.Since).ThenBy(s => s.BuyerId, StringComparer.Ordinal).ToList();
        var messages = new List<MarketplaceMessage>();
        var setAside = new List<MarketplaceSetAside>();
        var read = new List<AliExpressImSession>();
        var newest = sessions.Select(s => s.LastTimeMs ?? long.MinValue).Where(t => t <= windowEnd).DefaultIfEmpty(long.MinValue).Max();
        foreach (var session in sessions.Where(s => !cursor.WasRead(s)))
        {
            var found = await reader.ReadAsync(session, cursor.Since, windowEnd, setAside, cancellationToken);
            if (found.Any(session.Names))
            {
                read.Add(session);
            }

            foreach (var message in found)
            {
                var ms = message.SentAt.ToUnixTimeMilliseconds();
                newest = ms <= windowEnd ? Math.Max(newest, ms) : newest;
                if (!cursor.WasReported(message.MessageId) && messages.All(m => m.MessageId != message.MessageId))
                {
                    messages.Add(message);
                }
            }
        }

        var fromMarketplace = newest == long.MinValue ? long.MinValue : newest - overlap;
        var since = Math.Max(cursor.Since, Math.Max(fromMarketplace, now - skew - overlap));
        var ordered = messages.OrderBy(m => m.SentAt).ThenBy(m => m.ConversationId, StringComparer.Ordinal).ThenBy(m => m.MessageId, StringComparer.Ordinal).ToList();
        var next = cursor.Next(since, ordered.Select(m => (m.MessageId, m.SentAt.ToUnixTimeMilliseconds())), read);
        AliExpressLog.ImFetched(logger, sessions.Count, ordered.Count, DateTimeOffset.FromUnixTimeMilliseconds(cursor.Since));
        return new MarketplaceBatch(ordered, next.Serialize(), HasMore: false, setAside);
    }
}
