using System.Globalization;
using System.Text.Json;
using Bot.Core.Marketplace;

namespace Bot.Marketplace.AliExpress;

/// <summary>Maps findorderbyid's <c>target</c> (reference 5.1) and the issues of partner.order.issues.get (6.3) to
/// <see cref="OrderFacts"/>, tolerating missing fields and nested or flat lists.</summary>
internal static class AliExpressOrderMapper
{
    public static OrderFacts Map(JsonElement order)
    {
        var status = IopJson.Str(order, "order_status");
        var (amount, currency) = Money(IopJson.Obj(order, "order_amount"));
        if (amount is null && Decimal(IopJson.Str(order, "pay_amount_by_settlement_cur")) is { } settled)
        {
            (amount, currency) = (settled, IopJson.Str(order, "settlement_currency"));
        }

        var deadline = AliExpressPacificTime.Parse(IopJson.Str(order, "over_time_left")) is { } at
            ? new OrderDeadline(AliExpressOrderStatus.DeadlineWhat(status), at)
            : null;
        var country = IopJson.Str(IopJson.Obj(order, "receipt_address") ?? default, "country")
            ?? IopJson.Str(IopJson.Obj(order, "buyer_info") ?? default, "country");
        return new OrderFacts(status, status is null ? null : AliExpressOrderStatus.Words(status), Items(order), amount, currency,
            country, Tracking(order), deadline, null, AliExpressOrderStatus.Finished(status));
    }

    /// <summary>The open dispute, or else the newest one; null when there is none.</summary>
    public static OrderDispute? Dispute(IEnumerable<JsonElement> issues)
    {
        var issue = issues
            .Where(i => (IopJson.Str(i, "id") ?? IopJson.Str(i, "issue_id")) is not null)
            .OrderByDescending(i => AliExpressOrderStatus.DisputeOpen(IopJson.Str(i, "issue_status")))
            .ThenByDescending(i => AliExpressPacificTime.Parse(IopJson.Str(i, "gmt_modified") ?? IopJson.Str(i, "gmt_create")) ?? DateTimeOffset.MinValue)
            .Select(i => (JsonElement?)i).FirstOrDefault();
        if (issue is not { } found)
        {
            return null;
        }

        var status = IopJson.Str(found, "issue_status");
        return new OrderDispute(IopJson.Str(found, "id") ?? IopJson.Str(found, "issue_id")!, AliExpressOrderStatus.DisputeWords(status),
            AliExpressOrderStatus.DisputeOpen(status), IopJson.Str(found, "reason_english") ?? IopJson.Str(found, "reason_chinese"));
    }

    private static List<OrderItem> Items(JsonElement order)
    {
        var children = IopJson.List(order, "child_order_list", "aeop_tp_child_order_dto").Select(c =>
        {
            var (price, currency) = Money(IopJson.Obj(c, "product_price"));
            return new OrderItem(IopJson.Str(c, "product_name") ?? "(no name)", (int)(IopJson.Long(c, "product_count") ?? 1), price, currency);
        }).ToList();
        if (children.Count > 0)
        {
            return children;
        }

        return IopJson.List(order, "child_order_ext_info_list", "aeop_tp_order_product_info_dto").Select(c =>
        {
            var (price, currency) = Money(IopJson.Obj(c, "unit_price"));
            return new OrderItem(IopJson.Str(c, "product_name") ?? "(no name)", (int)(IopJson.Long(c, "quantity") ?? 1), price, currency);
        }).ToList();
    }

    private static List<OrderTracking> Tracking(JsonElement order) =>
        IopJson.List(order, "logistic_info_list", "aeop_tp_logistic_info_dto")
            .Where(l => !string.IsNullOrWhiteSpace(IopJson.Str(l, "logistics_no")))
            .Select(l => new OrderTracking(IopJson.Str(l, "logistics_no")!, IopJson.Str(l, "logistics_service_name") ?? IopJson.Str(l, "logistics_type_code")))
            .DistinctBy(t => t.Number)
            .ToList();

    /// <summary>A MoneyStr (<c>amount</c>, or <c>cent</c> / <c>cent_factor</c>; <c>currency_code</c> or
    /// <c>currency.currency_code</c>) or a SimpleMoney.</summary>
    private static (decimal? Amount, string? Currency) Money(JsonElement? money)
    {
        if (money is not { } m)
        {
            return (null, null);
        }

        var currency = IopJson.Str(m, "currency_code") ?? IopJson.Str(IopJson.Obj(m, "currency") ?? default, "currency_code");
        var amount = Decimal(IopJson.Str(m, "amount"));
        if (amount is null && IopJson.Long(m, "cent") is { } cent)
        {
            amount = (decimal)cent / (IopJson.Long(m, "cent_factor") is { } factor and > 0 ? factor : 100);
        }

        return (amount, currency);
    }

    private static decimal? Decimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}
