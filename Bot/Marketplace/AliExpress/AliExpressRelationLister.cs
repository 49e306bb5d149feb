using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>Lists the relations (conversations) whose last message falls in a time window.</summary>
internal sealed class AliExpressRelationLister(IopClient iop, AliExpressPageSizes sizes, IOptions<AliExpressOptions> options, ILogger<AliExpressRelationLister> logger)
{
    /// <summary>The relations active in <c>[from, to]</c> (epoch ms), or in a narrower <c>[from, returned to]</c>.</summary>
    /// <remarks>Only the first 5000 rows of a listing are reachable (page_size ≤ 100, "最多返回前5000条数据"). When a window
    /// reaches that cap its listing is incomplete, and the platform does not say in which order rows were cut, so the
    /// window is halved until it fits. The caller works off the narrowed window first and continues from its end, so
    /// nothing is skipped and nothing before it is read again.
    /// A short page listed newest first that ends with a relation already read ends the listing without a confirming
    /// call. This assumes a relation listed behind it (older) was read by an earlier poll: it could only be missed if the
    /// platform both clamped the page below the size asked for and indexed that relation's message late.</remarks>
    /// <param name="wasRead">Whether a relation, as listed, was already read to its end: a short page listed newest first
    /// that ends with such a relation ends the listing, since every row after it is older.</param>
    public async Task<(IReadOnlyList<AliExpressRelation> Relations, long To)> ListAsync(long from, long to, Func<AliExpressRelation, bool> wasRead, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (relations, capped) = await ListWindowAsync(from, to, wasRead, cancellationToken);
            if (!capped)
            {
                return (relations, to);
            }

            if (to - from < 1)
            {
                AliExpressLog.ListingCapUnsplittable(logger, DateTimeOffset.FromUnixTimeMilliseconds(from));
                return (relations, to);
            }

            AliExpressLog.ListingCapped(logger, DateTimeOffset.FromUnixTimeMilliseconds(from), DateTimeOffset.FromUnixTimeMilliseconds(to), options.Value.ReachableRows);
            to = from + ((to - from) / 2);
        }
    }

    private async Task<(List<AliExpressRelation> Relations, bool Capped)> ListWindowAsync(long from, long to, Func<AliExpressRelation, bool> wasRead, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pager = new AliExpressPager(settings.ReachableRows, sizes, AliExpressMethods.QueryRelations, settings.PageSize);
        var relations = new Dictionary<string, AliExpressRelation>();
        for (var page = 1; ; page++)
        {
            var query = new JsonObject
            {
                ["current_page"] = page,
                ["page_size"] = settings.PageSize,
                ["start_time"] = from,
                ["end_time"] = to,
            };
            var result = await iop.CallAsync(AliExpressMethods.QueryRelations,
                new Dictionary<string, string> { ["query"] = query.ToJsonString() }, retryable: true, cancellationToken);
            var rows = IopJson.List(result, "relation_list", "relation_result").ToArray();
            var listed = new List<AliExpressRelation?>();
            foreach (var row in rows)
            {
                listed.Add(AliExpressRelation.From(row));
                if (listed[^1] is { } relation)
                {
                    // A relation can move between pages while we read; keep its latest state.
                    relations[relation.ChannelId] = relation;
                }
                else
                {
                    AliExpressLog.RelationWithoutChannel(logger);
                }
            }

            if (!pager.Next(rows) || (rows.Length < settings.PageSize && EndsWithRead(listed, wasRead)))
            {
                return (relations.Values.ToList(), pager.Capped);
            }
        }
    }

    /// <summary>True when the page is listed newest first and its last row was read already: later pages (if the
    /// platform clamped this one) hold only relations last active before it, which earlier polls read.</summary>
    private static bool EndsWithRead(List<AliExpressRelation?> page, Func<AliExpressRelation, bool> wasRead)
    {
        if (page.Count == 0 || page.Any(r => r?.MessageTimeMs is null))
        {
            return false;
        }

        var newestFirst = page.Zip(page.Skip(1)).All(p => p.First!.MessageTimeMs >= p.Second!.MessageTimeMs);
        return newestFirst && wasRead(page[^1]!);
    }
}
