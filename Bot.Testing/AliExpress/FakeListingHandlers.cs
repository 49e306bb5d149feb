using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Testing.AliExpress;

/// <summary><c>querymsgrelationlist</c> and <c>querymsgdetaillist</c>, with paging, page-size clamping and the row cap.</summary>
internal sealed class FakeListingHandlers(FakeAliExpressState state, FakeResponseWriter writer, FakeAliExpressServerOptions options)
{
    public const string Relations = "aliexpress.message.redefining.versiontwo.querymsgrelationlist";
    public const string Details = "aliexpress.message.redefining.versiontwo.querymsgdetaillist";

    public JsonObject ListRelations(IReadOnlyDictionary<string, string> parameters)
    {
        using var query = JsonDocument.Parse(parameters.GetValueOrDefault("query") ?? "{}");
        var q = query.RootElement;
        var start = Long(q, "start_time");
        var end = Long(q, "end_time");
        List<JsonNode> rows;
        lock (state.Gate)
        {
            var matching = state.Relations
                .Where(r => r.Messages.Count > 0)
                .Where(r => (start is null || r.LastMessageTime.ToUnixTimeMilliseconds() >= start)
                    && (end is null || r.LastMessageTime.ToUnixTimeMilliseconds() <= end))
                .OrderByDescending(r => r.LastMessageTime).ThenBy(r => r.ChannelId, StringComparer.Ordinal)
                .ToList();
            rows = Page(matching, (int)(Long(q, "current_page") ?? 1), (int)(Long(q, "page_size") ?? 20)).Select(r => (JsonNode)RelationRow(r)).ToList();
        }

        return writer.Result(Relations, new JsonObject { ["is_success"] = true, ["relation_list"] = writer.List("relation_result", rows) });
    }

    public JsonObject ListDetails(IReadOnlyDictionary<string, string> parameters)
    {
        var channelId = parameters.GetValueOrDefault("channel_id") ?? "";
        var page = int.Parse(parameters.GetValueOrDefault("current_page") ?? "1", CultureInfo.InvariantCulture);
        var pageSize = int.Parse(parameters.GetValueOrDefault("page_size") ?? "20", CultureInfo.InvariantCulture);
        List<JsonNode> rows;
        lock (state.Gate)
        {
            var relation = state.Find(channelId);
            var messages = relation?.Messages ?? [];
            var ordered = options.DetailsNewestFirst
                ? messages.OrderByDescending(m => m.GmtCreate).ThenByDescending(m => m.Id)
                : messages.OrderBy(m => m.GmtCreate).ThenBy(m => m.Id);
            rows = Page(ordered.ToList(), page, pageSize).Select(m => (JsonNode)DetailRow(relation!, m)).ToList();
        }

        return writer.Result(Details, new JsonObject { ["is_success"] = true, ["message_detail_list"] = writer.List("message_detail", rows) });
    }

    private IEnumerable<T> Page<T>(List<T> all, int page, int pageSize)
    {
        var size = Math.Min(pageSize, options.MaxPageSize);
        var reachable = all.Take(options.ReachableRows).ToList();
        return size <= 0 || page < 1 ? [] : reachable.Skip((page - 1) * size).Take(size);
    }

    private JsonObject RelationRow(FakeRelation relation)
    {
        var last = relation.Messages.MaxBy(m => m.GmtCreate)!;
        return WithRaw(relation.RawFields, new JsonObject
        {
            ["channel_id"] = writer.Id(relation.ChannelId),
            ["order_id"] = writer.Id(relation.OrderId ?? "0"),
            ["other_login_id"] = relation.BuyerLoginId,
            ["other_ali_id"] = writer.Id(relation.BuyerAliId),
            ["other_name"] = relation.BuyerName,
            ["last_message_id"] = writer.Id(last.Id),
            ["last_message_content"] = last.Content,
            ["last_message_is_own"] = last.SenderAliId == FakeAliExpressState.SellerAliId,
            ["message_time"] = writer.Time(last.GmtCreate),
            ["read_stat"] = "0",
            ["deal_stat"] = "0",
            ["unread_count"] = 1,
            ["rank"] = "0",
        });
    }

    private JsonObject DetailRow(FakeRelation relation, FakeMessage message)
    {
        var files = message.Images.Select(url => (JsonNode)new JsonObject { ["s_path"] = url + "_50x50.jpg", ["m_path"] = url + "_350x350.jpg", ["l_path"] = url });
        var fromBuyer = message.SenderLoginId == relation.BuyerLoginId;
        return WithRaw(message.RawFields, new JsonObject
        {
            ["id"] = writer.Id(message.Id),
            ["gmt_create"] = writer.Time(message.GmtCreate),
            ["sender_ali_id"] = writer.Id(message.SenderAliId),
            ["sender_name"] = message.SenderName,
            ["content"] = message.Content,
            ["message_type"] = message.MessageType,
            ["extern_id"] = writer.Id(message.ExternId),
            ["file_path_list"] = writer.List("file_path", files),
            ["summary"] = new JsonObject
            {
                ["sender_login_id"] = message.SenderLoginId,
                ["sender_name"] = message.SenderName,
                ["receiver_name"] = fromBuyer ? "Store staff" : relation.BuyerName,
                ["product_name"] = message.MessageType == "member" ? null : "Wireless earbuds",
                ["product_image_url"] = message.MessageType == "member" ? null : "https://ae01.example/earbuds.jpg",
                ["product_detail_url"] = message.MessageType == "member" ? null : "https://www.aliexpress.com/item/1005001.html",
                ["order_url"] = message.MessageType == "order" ? $"https://gsp.aliexpress.com/apps/order/detail?orderId={message.ExternId}" : null,
            },
        });
    }

    private static JsonObject WithRaw(JsonObject? raw, JsonObject row)
    {
        foreach (var (key, value) in raw ?? [])
        {
            row[key] = value?.DeepClone();
        }

        return row;
    }

    private static long? Long(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.Number ? v.GetInt64() : long.TryParse(v.GetString(), out var l) ? l : null : null;
}
