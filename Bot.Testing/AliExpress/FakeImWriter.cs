using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Testing.AliExpress;

/// <summary>The IM family's answers: the typed SDK results' <c>result: {success, error_code, error_message, data}</c>,
/// wrapped in <c>aliexpress_message_…_response</c> (INFERRED by the <c>/sync</c> rule, reference 1.6) or not
/// (<see cref="FakeAliExpressServerOptions.ImUnwrapped"/>, the SDK's <c>simplify=true</c> reading).</summary>
internal sealed class FakeImWriter(FakeResponseWriter writer, FakeAliExpressServerOptions options)
{
    public JsonObject Success(string method, JsonObject data) =>
        Wrap(method, new JsonObject { ["success"] = true, ["error_code"] = null, ["error_message"] = null, ["data"] = data });

    /// <summary>A business refusal (<c>success=false</c>); the codes and texts are the fake's own, the platform's are unknown.</summary>
    public JsonObject Failure(string method, string code, string message) =>
        Wrap(method, new JsonObject { ["success"] = false, ["error_code"] = code, ["error_message"] = message });

    /// <summary>Reads the DTO form field, or answers the gateway's missing-parameter error.</summary>
    public JsonObject? Dto(IReadOnlyDictionary<string, string> parameters, string name, out JsonElement dto)
    {
        dto = default;
        try
        {
            if (parameters.GetValueOrDefault(name) is { Length: > 0 } json)
            {
                dto = JsonDocument.Parse(json).RootElement.Clone();
                return null;
            }
        }
        catch (JsonException)
        {
            return writer.Error("15", "isv.invalid-parameter:" + name, $"Invalid arguments:{name} is not JSON", topLevel: false);
        }

        return writer.Error("40", "isv.missing-parameter:" + name, "Missing required arguments:" + name, topLevel: false);
    }

    /// <summary>An <c>AeImMessageDTO</c>: from/to account types 11 buyer, 12 seller; template 3 for an image without
    /// text, else 1; <c>content</c> a JSON string like the send side's <c>message_content_dto</c> (INFERRED).</summary>
    public static JsonObject MessageRow(FakeRelation relation, FakeMessage message)
    {
        var fromBuyer = message.SenderLoginId == relation.BuyerLoginId;
        var image = message.Content.Length == 0 && message.Images.Count > 0;
        var content = image ? new JsonObject() : new JsonObject { ["txt"] = message.Content };
        if (message.Images.Count > 0)
        {
            content["img_url"] = message.Images[0];
        }

        return new JsonObject
        {
            ["message_id"] = message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["from_account_id"] = (fromBuyer ? relation.BuyerAliId : FakeAliExpressState.SellerAliId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["from_account_type"] = fromBuyer ? 11 : 12,
            ["to_account_id"] = (fromBuyer ? FakeAliExpressState.SellerAliId : relation.BuyerAliId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["to_account_type"] = fromBuyer ? 12 : 11,
            ["template_id"] = image ? 3 : 1,
            ["type"] = 1,
            ["content"] = content.ToJsonString(),
            ["send_time"] = message.GmtCreate.ToUnixTimeMilliseconds(),
        };
    }

    private JsonObject Wrap(string method, JsonObject result)
    {
        var body = new JsonObject { ["result"] = result, ["request_id"] = writer.NextRequestId() };
        return options.ImUnwrapped ? body : new JsonObject { [method.Replace('/', '_') + "_response"] = body };
    }
}
