using System.Globalization;
using System.Text.Json;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>Reads the messages of one relation that are not older than a watermark.</summary>
internal sealed class AliExpressDetailReader(
    IopClient iop,
    AliExpressPageSizes sizes,
    AliExpressMessageMapper mapper,
    IOptions<AliExpressOptions> options,
    ILogger<AliExpressDetailReader> logger)
{
    /// <summary>Every message of <paramref name="relation"/> sent at or after <paramref name="sinceMs"/> (epoch ms).
    /// Rows that cannot be read go to <paramref name="setAside"/> instead, so one bad row never stops polling.</summary>
    /// <remarks>The SDKs do not document the order of <c>querymsgdetaillist</c>; the seller center shows newest first.
    /// Each page's order is checked: when a newest-first page reaches below the watermark, older pages cannot hold
    /// anything new and paging stops; an oldest-first listing is read to its end.</remarks>
    public async Task<IReadOnlyList<MarketplaceMessage>> ReadAsync(AliExpressRelation relation, long sinceMs, List<MarketplaceSetAside> setAside, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pager = new AliExpressPager(settings.ReachableRows, sizes, AliExpressMethods.QueryDetails, settings.PageSize);
        var messages = new List<MarketplaceMessage>();
        for (var page = 1; ; page++)
        {
            var result = await iop.CallAsync(AliExpressMethods.QueryDetails, new Dictionary<string, string>
            {
                ["channel_id"] = relation.ChannelId,
                ["current_page"] = page.ToString(CultureInfo.InvariantCulture),
                ["page_size"] = settings.PageSize.ToString(CultureInfo.InvariantCulture),
            }, retryable: true, cancellationToken);

            var rows = IopJson.List(result, "message_detail_list", "message_detail").ToArray();
            var times = new DateTimeOffset?[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                if (!IopJson.TryTime(rows[i], "gmt_create", out times[i]))
                {
                    setAside.Add(AliExpressSetAside.Of(relation.ChannelId, rows[i], $"gmt_create {Shorten(IopJson.Str(rows[i], "gmt_create"))} is not a valid time"));
                    AliExpressLog.MessageSetAside(logger, relation.ChannelId, "gmt_create is not a valid time");
                    continue;
                }

                // A message without a time cannot be placed against the watermark: report it (the core de-duplicates).
                var sentAt = times[i] ?? DateTimeOffset.FromUnixTimeMilliseconds(sinceMs);
                if (sentAt.ToUnixTimeMilliseconds() < sinceMs)
                {
                    continue;
                }

                if (string.IsNullOrEmpty(IopJson.Str(rows[i], "id") ?? IopJson.Str(rows[i], "message_id")))
                {
                    // Without an id a message cannot be de-duplicated: relaying it would repeat it on every poll.
                    setAside.Add(AliExpressSetAside.Of(relation.ChannelId, rows[i], "the message has no id"));
                    AliExpressLog.MessageSetAside(logger, relation.ChannelId, "no id");
                    continue;
                }

                if (Map(relation, rows[i], sentAt, setAside) is { } message)
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

    private MarketplaceMessage? Map(AliExpressRelation relation, JsonElement row, DateTimeOffset sentAt, List<MarketplaceSetAside> setAside)
    {
        try
        {
            return mapper.Map(relation, row, sentAt);
        }
        catch (Exception e)
        {
            setAside.Add(AliExpressSetAside.Of(relation.ChannelId, row, $"cannot be read: {e.Message}"));
            AliExpressLog.MessageSetAside(logger, relation.ChannelId, e.GetType().Name);
            return null;
        }
    }

    private static string Shorten(string? text) => text is null ? "(none)" : text.Length > 40 ? text[..40] + "…" : text;
}
