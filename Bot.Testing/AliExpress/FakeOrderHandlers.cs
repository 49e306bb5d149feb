using System.Globalization;
using System.Text.Json.Nodes;

namespace Bot.Testing.AliExpress;

/// <summary><c>aliexpress.trade.new.redefining.findorderbyid</c> (reference 5.1: <c>param1</c> JSON with the required
/// <c>order_id</c>; answer <c>target</c> in the method's wrapper, lists keyed by item type) and
/// <c>aliexpress.issue.partner.order.issues.get</c> (6.3: <c>parent_order_id</c>; answer <c>issues[]</c>). The platform's
/// answer for an order that is not the seller's is not public: the fake answers the generic TOP refusal of the
/// reference (section 8: code 50 "Remote service error", sub-code <c>isv.invalid-parameter</c>).</summary>
internal sealed class FakeOrderHandlers(FakeAliExpressState state, FakeResponseWriter writer)
{
    public const string FindOrder = "aliexpress.trade.new.redefining.findorderbyid";
    public const string OrderIssues = "aliexpress.issue.partner.order.issues.get";

    public JsonObject Find(IReadOnlyDictionary<string, string> parameters)
    {
        JsonNode? query;
        try
        {
            query = JsonNode.Parse(parameters.GetValueOrDefault("param1") ?? "null");
        }
        catch (System.Text.Json.JsonException)
        {
            return writer.Error("50", "isv.invalid-parameter", "Remote service error: param1 is not valid JSON", topLevel: false);
        }

        if (query?["order_id"] is not { } id)
        {
            return writer.Error("40", "isv.missing-parameter:order_id", "Missing required arguments:order_id", topLevel: false);
        }

        if (state.Orders.GetValueOrDefault(id.ToString()) is not { } order)
        {
            return writer.Error("50", "isv.invalid-parameter", "Remote service error: order not found", topLevel: false);
        }

        return writer.Success(FindOrder, new JsonObject { ["target"] = Target(order), ["time_stamp"] = "2026-01-01 00:00:00" });
    }

    public JsonObject Issues(IReadOnlyDictionary<string, string> parameters)
    {
        if (parameters.GetValueOrDefault("parent_order_id") is not { Length: > 0 } orderId)
        {
            return writer.Error("40", "isv.missing-parameter:parent_order_id", "Missing required arguments:parent_order_id", topLevel: false);
        }

        var disputes = state.Orders.GetValueOrDefault(orderId)?.Disputes ?? [];
        return writer.Success(OrderIssues, new JsonObject
        {
            ["issues"] = writer.List("issue_api_issue_dto", disputes.Select(d => (JsonNode)new JsonObject
            {
                ["id"] = writer.Id(d.Id),
                ["issue_status"] = d.Status,
                ["order_id"] = writer.Id(orderId + "01"),
                ["parent_order_id"] = writer.Id(orderId),
                ["reason_english"] = d.ReasonEnglish,
                ["gmt_create"] = "2026-01-01 00:00:00",
            })),
        });
    }

    private JsonObject Target(FakeOrder order)
    {
        var disputes = order.Disputes ?? [];
        return new JsonObject
        {
            ["id"] = writer.Id(order.OrderId),
            ["order_status"] = order.Status,
            ["issue_status"] = disputes.Count == 0 ? "NO_ISSUE" : disputes.Any(d => d.Status == "processing") ? "IN_ISSUE" : "END_ISSUE",
            ["over_time_left"] = order.OverTimeLeft is { } at ? Pacific(at) : null,
            ["order_amount"] = Money(order.Amount, order.Currency),
            ["receipt_address"] = new JsonObject { ["country"] = order.Country, ["city"] = "Madrid" },
            ["child_order_list"] = writer.List("aeop_tp_child_order_dto", order.Items.Select(i => (JsonNode)new JsonObject
            {
                ["product_name"] = i.Name,
                ["product_count"] = i.Count,
                ["product_price"] = Money(i.Price, order.Currency),
            })),
            ["logistic_info_list"] = writer.List("aeop_tp_logistic_info_dto", (order.Tracking ?? []).Select(t => (JsonNode)new JsonObject
            {
                ["logistics_no"] = t.Number,
                ["logistics_service_name"] = t.Service,
            })),
        };
    }

    private static JsonObject Money(decimal amount, string currency) => new()
    {
        ["amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture),
        ["cent"] = (long)(amount * 100),
        ["cent_factor"] = 100,
        ["currency_code"] = currency,
    };

    /// <summary>"US Pacific time" strings, like the order APIs.</summary>
    private static string Pacific(DateTimeOffset at)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        return TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
