using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>Lists the relations (conversations) whose last message falls in a time window.</summary>
internal sealed class AliExpressRelationLister(IopClient iop, IOptions<AliExpressOptions> options, ILogger<AliExpressRelationLister> logger)
{
    /// <summary>The relations active in <c>[from, to]</c> (epoch ms), or in a narrower <c>[from, returned to]</c>.</summary>
    /// <remarks>Only the first 5000 rows of a listing are reachable (page_size ≤ 100, "最多返回前5000条数据"). When a window
    /// reaches that cap its listing is incomplete, and the platform does not say in which order rows were cut, so the
    /// window is halved until it fits. The caller works off the narrowed window first and continues from its end, so
    /// nothing is skipped and nothing before it is read again.</remarks>
    public async Task<(IReadOnlyList<AliExpressRelation> Relations, long To)> ListAsync(long from, long to, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (relations, capped) = await ListWindowAsync(from, to, cancellationToken);
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

    private async Task<(List<AliExpressRelation> Relations, bool Capped)> ListWindowAsync(long from, long to, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pager = new AliExpressPager(settings.ReachableRows);
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
            foreach (var row in rows)
            {
                if (AliExpressRelation.From(row) is { } relation)
                {
                    // A relation can move between pages while we read; keep its latest state.
                    relations[relation.ChannelId] = relation;
                }
                else
                {
                    AliExpressLog.RelationWithoutChannel(logger);
                }
            }

            if (!pager.Next(rows))
            {
                return (relations.Values.ToList(), pager.Capped);
            }
        }
    }
}
