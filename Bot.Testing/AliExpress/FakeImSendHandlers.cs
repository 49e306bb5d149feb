using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Testing.AliExpress;

/// <summary><c>aliexpress/message/send</c> and <c>aliexpress/message/session/open</c> (reference 3.4, 3.6). A post lands
/// in the buyer's message-center relation, so it comes back in both families' listings as a seller message.</summary>
/// <remarks>What <c>send</c> requires is the fake's reading of the reference: <c>buyer_id</c> of a buyer the store knows,
/// <c>template_id</c> 1 with <c>txt</c> or 3 with <c>img_url</c> (other templates are cards the bridge never posts),
/// <c>scene_id</c> 1 to 6. Its answer is an untyped map in the SDK: the fake answers the typed results' wrapper with
/// no message id, like <c>addmsg</c>.</remarks>
internal sealed class FakeImSendHandlers(FakeAliExpressState state, FakeImWriter writer)
{
    public const string Send = "aliexpress/message/send";
    public const string OpenSession = "aliexpress/message/session/open";

    public JsonObject SendMessage(IReadOnlyDictionary<string, string> parameters)
    {
        if (writer.Dto(parameters, "im_send_message_dto", out var dto) is { } missing)
        {
            return missing;
        }

        var buyerId = FakeImListingHandlers.Long(dto, "buyer_id");
        var template = FakeImListingHandlers.Long(dto, "template_id");
        var scene = FakeImListingHandlers.Long(dto, "scene_id");
        var content = dto.TryGetProperty("message_content_dto", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var text = Str(content, "txt");
        var image = Str(content, "img_url");
        lock (state.Gate)
        {
            var relation = state.Relations.FirstOrDefault(r => r.BuyerAliId == buyerId);
            var problem = relation is null ? ("BUYER_NOT_EXIST", "no conversation with this buyer_id")
                : scene is not (>= 1 and <= 6) ? ("PARAM_ERROR", "scene_id must be 1 to 6")
                : template == 1 && string.IsNullOrEmpty(text) ? ("PARAM_ERROR", "txt is required for template 1")
                : template == 3 && string.IsNullOrEmpty(image) ? ("PARAM_ERROR", "img_url is required for template 3")
                : template is not (1 or 3) ? ("PARAM_ERROR", $"template_id {template} is not supported here")
                : ((string Code, string Message)?)null;
            if (problem is { } p)
            {
                return writer.Failure(Send, p.Code, p.Message);
            }

            var channel = state.ChatChannelOf(relation!.BuyerLoginId);
            var content1 = template == 1 ? text! : "";
            var id = state.AddMessage(channel, false, relation.BuyerLoginId, relation.BuyerName, fromBuyer: false, content1,
                template == 3 ? [image!] : null, "member", "0", at: null);
            state.Sent.Add(new FakeSentMessage(Send, channel, buyerId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), null, content1,
                template == 3 ? "image" : "text", "0", template == 3 ? image : null, id));
        }

        return writer.Success(Send, new JsonObject());
    }

    public JsonObject Open(IReadOnlyDictionary<string, string> parameters)
    {
        if (writer.Dto(parameters, "im_session_open_dto", out var dto) is { } missing)
        {
            return missing;
        }

        var login = Str(dto, "buyer_login_id");
        var id = FakeImListingHandlers.Long(dto, "buyer_id");
        lock (state.Gate)
        {
            var relation = state.Relations.FirstOrDefault(r => r.BuyerAliId == id || (login is not null && r.BuyerLoginId == login));
            return writer.Success(OpenSession, relation is null
                ? new JsonObject { ["open_result"] = "FAIL" }
                : new JsonObject { ["open_result"] = "SUCCESS", ["current_buyer_id"] = relation.BuyerAliId });
        }
    }

    private static string? Str(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
