using System.Globalization;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>Reads the messages of one relation that are not older than a watermark.</summary>
internal sealed class AliExpressDetailReader(
    AliExpressGateway gateway,
    AliExpressMessageMapper mapper,
    IOptions<AliExpressOptions> options,
    ILogger<AliExpressDetailReader> logger)
{
    /// <summary>Every message of <paramref name="relation"/> sent at or after <paramref name="sinceMs"/> (epoch ms).</summary>
    /// <remarks>The SDKs do not document the order of <c>querymsgdetaillist</c>; the seller center shows newest first.
    /// Each page's order is checked: when a newest-first page reaches below the watermark, older pages cannot hold
    /// anything new and paging stops; an oldest-first listing is read to its end.</remarks>
    public async Task<IReadOnlyList<MarketplaceMessage>> ReadAsync(AliExpressRelation relation, long sinceMs, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pager = new AliExpressPager(settings.ReachableRows);
        var messages = new List<MarketplaceMessage>();
        for (var page = 1; ; page++)
        {
            var result = await gateway.CallAsync(AliExpressMethods.QueryDetails, new Dictionary<string, string>
            {
                ["channel_id"] = relation.ChannelId,
                ["current_page"] = page.ToString(CultureInfo.InvariantCulture),
                ["page_size"] = settings.PageSize.ToString(CultureInfo.InvariantCulture),
            }, retryable: true, cancellationToken);

            var rows = IopJson.List(result, "message_detail_list", "message_detail").ToArray();
            var times = rows.Select(r => IopJson.Time(r, "gmt_create")).ToArray();
            for (var i = 0; i < rows.Length; i++)
            {
                // A message without a time cannot be placed against the watermark: report it (the core de-duplicates).
                var sentAt = times[i] ?? DateTimeOffset.FromUnixTimeMilliseconds(sinceMs);
                if (sentAt.ToUnixTimeMilliseconds() >= sinceMs && mapper.Map(relation, rows[i], sentAt) is { } message)
                {
                    messages.Add(message);
                }
            }

            var known = times.OfType<DateTimeOffset>().ToArray();
            var newestFirst = known.Length > 1 && known[0] >= known[^1];
            var reachedOld = known.Any(t => t.ToUnixTimeMilliseconds() < sinceMs);
            var more = pager.Next(rows);
            if (pager.Capped)
            {
                AliExpressLog.DetailCapped(logger, relation.ChannelId, pager.Cap);
            }

            if (!more || (reachedOld && (newestFirst || known.Length == 1)))
            {
                return messages;
            }
        }
    }
}
