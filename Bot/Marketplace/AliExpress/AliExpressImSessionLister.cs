using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Marketplace.AliExpress;

/// <summary>Lists the buyers whose conversation changed since a watermark, with
/// <c>aliexpress/message/history/buyer/list</c>.</summary>
/// <remarks>Paging follows the request's documented fields (reference 3.3): the first page starts at "now" and runs
/// back in time, the next one starts at <c>next_start_time</c> after <c>last_buyer_id</c>. Listing stops at the first
/// row older than the watermark, at a page whose oldest row was already read to its end (every older row was read by
/// an earlier poll), or when the platform says there is no more: an idle poll is one call.</remarks>
internal sealed class AliExpressImSessionLister(AliExpressImCaller caller, ILogger<AliExpressImSessionLister> logger)
{
    private const int MaxPages = 250; // 5000 rows, like the older family's reachable rows.

    public async Task<IReadOnlyList<AliExpressImSession>> ListAsync(long sinceMs, long startMs, Func<AliExpressImSession, bool> wasRead, CancellationToken cancellationToken)
    {
        var sessions = new Dictionary<string, AliExpressImSession>(StringComparer.Ordinal);
        var dto = new JsonObject { ["page_size"] = AliExpressImMethods.PageSize, ["start_time"] = startMs };
        for (var page = 0; page < MaxPages; page++)
        {
            var data = await caller.CallAsync(AliExpressImMethods.Sessions, "ae_im_query_session_dto", dto, retryable: true, cancellationToken);
            var rows = Rows(data);
            var listed = rows.Select(AliExpressImSession.From).ToList();
            foreach (var session in listed.OfType<AliExpressImSession>().Where(s => s.LastTimeMs is null || s.LastTimeMs >= sinceMs))
            {
                sessions[session.BuyerId] = session;
            }

            if (listed.Contains(null))
            {
                AliExpressLog.RelationWithoutChannel(logger);
            }

            var last = listed.LastOrDefault();
            var reachedOld = listed.Any(s => s?.LastTimeMs < sinceMs);
            var next = IopJson.Long(data, "next_start_time");
            if (rows.Count == 0 || IopJson.Bool(data, "has_more") == false || reachedOld || next is null || (last is not null && wasRead(last)))
            {
                break;
            }

            dto = new JsonObject { ["page_size"] = AliExpressImMethods.PageSize, ["start_time"] = next, ["last_buyer_id"] = IopJson.Long(data, "last_buyer_id") ?? IopJson.Long(rows[^1], "buyer_id") };
        }

        return sessions.Values.ToList();
    }

    /// <summary>The list of an untyped answer: a known name, else the only array in it.</summary>
    public static IReadOnlyList<JsonElement> Rows(JsonElement data, params string[] names)
    {
        foreach (var name in names.Concat(["buyer_list", "session_list", "sessions", "list", "data_list"]))
        {
            if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out _))
            {
                return IopJson.List(data, name, name.EndsWith("_list", StringComparison.Ordinal) ? name[..^5] : name).ToList();
            }
        }

        return data.ValueKind == JsonValueKind.Object
            ? data.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).Take(1)
                .SelectMany(p => p.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)).ToList()
            : [];
    }
}
