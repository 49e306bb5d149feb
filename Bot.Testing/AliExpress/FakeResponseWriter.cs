using System.Globalization;
using System.Text.Json.Nodes;

namespace Bot.Testing.AliExpress;

/// <summary>Builds answers in the platform's shapes, honouring the fake's shape options.</summary>
internal sealed class FakeResponseWriter(FakeAliExpressServerOptions options)
{
    private long _requestCounter;

    public string NextRequestId() => "fake-" + Interlocked.Increment(ref _requestCounter).ToString(CultureInfo.InvariantCulture);

    public JsonNode Id(long id) => options.IdsAsStrings ? JsonValue.Create(id.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(id);

    public JsonNode Id(string id) =>
        !options.IdsAsStrings && long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(id);

    public JsonNode Time(DateTimeOffset at) =>
        JsonValue.Create(options.TimestampsInSeconds ? at.ToUnixTimeSeconds() : at.ToUnixTimeMilliseconds());

    /// <summary><c>name: { itemName: [...] }</c> or <c>name: [...]</c>.</summary>
    public JsonNode List(string itemName, IEnumerable<JsonNode> items)
    {
        var array = new JsonArray(items.ToArray());
        return options.NestedLists ? new JsonObject { [itemName] = array } : array;
    }

    /// <summary><c>{"&lt;method&gt;_response": {...body, request_id}}</c>.</summary>
    public JsonObject Success(string method, JsonObject body)
    {
        body["request_id"] = NextRequestId();
        return new JsonObject { [method.Replace('.', '_') + "_response"] = body };
    }

    public JsonObject Result(string method, JsonObject result) => Success(method, new JsonObject { ["result"] = result });

    public JsonObject Error(string code, string? subCode, string message, bool topLevel)
    {
        if (topLevel)
        {
            return new JsonObject { ["type"] = "ISV", ["code"] = code, ["message"] = message, ["request_id"] = NextRequestId() };
        }

        var error = new JsonObject { ["type"] = "ISV", ["code"] = code, ["msg"] = message, ["request_id"] = NextRequestId() };
        if (subCode is not null)
        {
            error["sub_code"] = subCode;
            error["sub_msg"] = message;
        }

        return new JsonObject { ["error_response"] = error };
    }
}
