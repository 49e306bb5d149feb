using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Testing.AliExpress;

/// <summary><c>addmsg</c>, <c>leaveordermessage</c> and <c>updatemsgread</c>. Posts come back in listings as seller messages.</summary>
internal sealed class FakeWriteHandlers(FakeAliExpressState state, FakeResponseWriter writer, FakeAliExpressServerOptions options)
{
    public const string AddMessage = "aliexpress.message.redefining.versiontwo.addmsg";
    public const string LeaveOrderMessage = "aliexpress.issue.redefining.leaveordermessage";
    public const string MarkRead = "aliexpress.message.redefining.versiontwo.updatemsgread";

    public JsonObject Add(IReadOnlyDictionary<string, string> parameters)
    {
        using var document = JsonDocument.Parse(parameters.GetValueOrDefault("create_param") ?? "{}");
        var p = document.RootElement;
        var buyerId = Text(p, "buyer_id");
        var sellerId = Text(p, "seller_id");
        var type = Text(p, "message_type") ?? "";
        var externId = Text(p, "extern_id") ?? "";
        var content = Text(p, "content") ?? "";
        var image = Text(p, "img_path");

        string? problem = null;
        string channelId = "";
        if (sellerId != options.SellerLoginId)
        {
            problem = "seller_id does not match the session's seller";
        }
        else if (type == "order")
        {
            channelId = externId;
            var relation = state.Find(channelId);
            problem = relation is null ? "order not found" : relation.BuyerLoginId != buyerId ? "buyer_id does not match the order" : null;
        }
        else if (type is "product" or "member")
        {
            problem = string.IsNullOrEmpty(buyerId) ? "buyer_id is required" : type == "product" && externId is "" or "0" ? "extern_id is required" : null;
            channelId = problem is null ? state.ChatChannelOf(buyerId!) : "";
        }
        else
        {
            problem = "message_type must be product, member or order";
        }

        if (problem is null && content.Length == 0 && string.IsNullOrEmpty(image))
        {
            problem = "content is empty";
        }

        if (problem is not null)
        {
            return writer.Success(AddMessage, new JsonObject { ["is_success"] = false, ["error_msg"] = problem, ["sub_error_code"] = 1001 });
        }

        var relationNow = state.Find(channelId);
        var id = state.AddMessage(channelId, type == "order", buyerId ?? relationNow!.BuyerLoginId, relationNow?.BuyerName ?? buyerId!, fromBuyer: false,
            content, image is null ? null : [image], type, type == "member" ? "0" : externId, at: null);
        lock (state.Gate)
        {
            state.Sent.Add(new FakeSentMessage(AddMessage, channelId, buyerId, sellerId, content, type, externId, image, id));
        }

        // Like the platform: a channel id and success, but no message id.
        return writer.Success(AddMessage, new JsonObject { ["channel_id"] = writer.Id(channelId), ["is_success"] = true });
    }

    public JsonObject Leave(IReadOnlyDictionary<string, string> parameters)
    {
        var orderId = parameters.GetValueOrDefault("order_id") ?? "";
        var content = parameters.GetValueOrDefault("content") ?? "";
        var image = parameters.GetValueOrDefault("image");
        var relation = state.Find(orderId);
        if (relation?.OrderId is null)
        {
            return writer.Result(LeaveOrderMessage, new JsonObject { ["is_success"] = false, ["error_message"] = "order not found" });
        }

        var id = state.AddMessage(orderId, true, relation.BuyerLoginId, relation.BuyerName, fromBuyer: false, content,
            string.IsNullOrEmpty(image) ? null : [image], "order", orderId, at: null);
        lock (state.Gate)
        {
            state.Sent.Add(new FakeSentMessage(LeaveOrderMessage, orderId, relation.BuyerLoginId, null, content, "order", orderId, image, id));
        }

        return writer.Result(LeaveOrderMessage, new JsonObject { ["is_success"] = true });
    }

    public JsonObject Read(IReadOnlyDictionary<string, string> parameters)
    {
        var channelId = parameters.GetValueOrDefault("channel_id") ?? "";
        lock (state.Gate)
        {
            if (state.Find(channelId) is null)
            {
                return writer.Result(MarkRead, new JsonObject { ["is_success"] = false, ["error_msg"] = "channel not found" });
            }

            state.MarkedRead.Add(channelId);
        }

        return writer.Result(MarkRead, new JsonObject { ["is_success"] = true });
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Null ? null : v.GetRawText() : null;
}
