using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Testing.AliExpress;

/// <summary>The IM family's listings over the same store as the older family (reference 3.2, 3.3): one conversation per
/// buyer (<c>buyer_id</c> = the buyer's numeric ali id) holding every message of every relation with that buyer,
/// under the same message ids (INFERRED: the platform keeps one message store behind both families).</summary>
/// <remarks><c>history/buyer/list</c> answers an untyped map in the SDK: its row fields (<c>buyer_id</c>,
/// <c>buyer_login_id</c>, <c>buyer_name</c>, <c>last_message_id</c>, <c>last_message_time</c>) and the list name
/// <c>buyer_list</c> are the fake's reading, INFERRED from the request's paging fields. Both listings run newest first
/// from <c>start_time</c> ("for the first page pass the current timestamp") and continue after
/// (<c>next_start_time</c>, <c>last_…_id</c>); a page holds at most 20 rows ("限 20"), more is refused.</remarks>
internal sealed class FakeImListingHandlers(FakeAliExpressState state, FakeImWriter writer)
{
    public const string Sessions = "aliexpress/message/history/buyer/list";
    public const string Messages = "aliexpress/message/list2";
    public const int MaxPageSize = 20;

    public JsonObject ListSessions(IReadOnlyDictionary<string, string> parameters)
    {
        if (writer.Dto(parameters, "ae_im_query_session_dto", out var q) is { } missing)
        {
            return missing;
        }

        if (PageSize(q) is not { } size)
        {
            return writer.Failure(Sessions, "PARAM_ERROR", $"page_size must be between 1 and {MaxPageSize}");
        }

        lock (state.Gate)
        {
            var rows = state.Relations.Where(r => r.Messages.Count > 0).GroupBy(r => r.BuyerAliId)
                .Select(g => (Id: g.Key, Last: g.SelectMany(r => r.Messages).MaxBy(m => (m.GmtCreate, m.Id))!, First: g.First()))
                .Select(s => (s.Id, Ms: s.Last.GmtCreate.ToUnixTimeMilliseconds(), Row: (JsonNode)new JsonObject
                {
                    ["buyer_id"] = s.Id,
                    ["buyer_login_id"] = s.First.BuyerLoginId,
                    ["buyer_name"] = s.First.BuyerName,
                    ["last_message_id"] = s.Last.Id.ToString(CultureInfo.InvariantCulture),
                    ["last_message_time"] = s.Last.GmtCreate.ToUnixTimeMilliseconds(),
                }));
            return Page(Sessions, rows, q, size, "last_buyer_id", "buyer_list");
        }
    }

    public JsonObject ListMessages(IReadOnlyDictionary<string, string> parameters)
    {
        if (writer.Dto(parameters, "im_query_message_dto", out var q) is { } missing)
        {
            return missing;
        }

        if (PageSize(q) is not { } size)
        {
            return writer.Failure(Messages, "PARAM_ERROR", $"page_size must be between 1 and {MaxPageSize}");
        }

        var buyerId = Long(q, "buyer_id");
        lock (state.Gate)
        {
            var relations = state.Relations.Where(r => r.BuyerAliId == buyerId).ToList();
            if (relations.Count == 0)
            {
                return writer.Failure(Messages, "BUYER_NOT_EXIST", "no conversation with this buyer_id");
            }

            var rows = relations.SelectMany(r => r.Messages.Select(m => (Relation: r, Message: m)))
                .Select(p => (p.Message.Id, Ms: p.Message.GmtCreate.ToUnixTimeMilliseconds(), Row: (JsonNode)FakeImWriter.MessageRow(p.Relation, p.Message)));
            return Page(Messages, rows, q, size, "last_message_id", "message_list");
        }
    }

    private JsonObject Page(string method, IEnumerable<(long Id, long Ms, JsonNode Row)> all, JsonElement q, int size, string lastIdName, string listName)
    {
        var start = Long(q, "start_time") ?? long.MaxValue;
        var lastId = Long(q, lastIdName);
        var after = all.Where(r => r.Ms < start || (r.Ms == start && (lastId is null || r.Id < lastId)))
            .OrderByDescending(r => r.Ms).ThenByDescending(r => r.Id).ToList();
        var page = after.Take(size).ToList();
        var data = new JsonObject
        {
            [listName] = new JsonArray(page.Select(r => r.Row).ToArray()),
            ["has_more"] = after.Count > page.Count,
        };
        if (page.Count > 0)
        {
            data["next_start_time"] = page[^1].Ms;
            data[lastIdName] = lastIdName == "last_buyer_id" ? page[^1].Id : page[^1].Id.ToString(CultureInfo.InvariantCulture);
        }

        return writer.Success(method, data);
    }

    private static int? PageSize(JsonElement q) => Long(q, "page_size") is { } n ? n is >= 1 and <= MaxPageSize ? (int)n : null : MaxPageSize;

    internal static long? Long(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.Number ? v.GetInt64() : long.TryParse(v.ValueKind == JsonValueKind.String ? v.GetString() : null, out var l) ? l : null
            : null;
}
