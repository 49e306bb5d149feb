using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Core.Marketplace;

namespace Bot.Marketplace.AliExpress;

/// <summary>Reads an order for its card: <c>aliexpress.trade.new.redefining.findorderbyid</c> (reference 5.1), and its
/// disputes with <c>aliexpress.issue.partner.order.issues.get</c> (6.3) only when the order says it has or had one
/// (<c>issue_status</c> other than <c>NO_ISSUE</c>), so most reads cost one call.</summary>
/// <remarks>The dispute API: <c>partner.order.issues.get</c> takes the order id the conversation has
/// (<c>parent_order_id</c>) and answers every dispute of the order in one page. <c>aliexpress.issue.issuelist.get</c>
/// (6.1) lists a seller's disputes by buyer and page; integrators pass the child order id in its <c>order_no</c>,
/// which the bridge would first have to read from the order, and it pages.</remarks>
internal sealed class AliExpressOrderReader(IopClient iop)
{
    public async Task<OrderFacts?> ReadAsync(string orderId, CancellationToken cancellationToken)
    {
        if (!long.TryParse(orderId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null; // not an AliExpress order number: nothing to ask
        }

        var result = await iop.CallAsync(AliExpressMethods.FindOrder,
            new Dictionary<string, string> { ["param1"] = new JsonObject { ["order_id"] = id }.ToJsonString() }, retryable: true, cancellationToken);
        var order = IopJson.Obj(result, "target") ?? result;
        var facts = AliExpressOrderMapper.Map(order);
        var issueStatus = IopJson.Str(order, "issue_status");
        if (issueStatus is null || issueStatus.Equals("NO_ISSUE", StringComparison.OrdinalIgnoreCase))
        {
            return facts;
        }

        var issues = await iop.CallAsync(AliExpressMethods.OrderIssues,
            new Dictionary<string, string> { ["parent_order_id"] = id.ToString(CultureInfo.InvariantCulture) }, retryable: true, cancellationToken);
        return facts with { Dispute = AliExpressOrderMapper.Dispute(IopJson.List(issues, "issues", "issue_api_issue_dto")) };
    }
}
