using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>Calls each method the bridge needs once, in a form that changes nothing, and says per method whether the
/// app may call it. The token APIs are exercised by connecting itself; <c>addmsg</c> has no harmless form, so it is
/// checked by the first staff reply. A call about a channel that does not exist ("0") that the platform answers with
/// a business refusal passed the gateway's permission check, so the method is allowed.</summary>
/// <remarks>It checks the message API family in use (<see cref="AliExpressMessageFamily"/>) and says what the other needs.</remarks>
internal sealed class AliExpressSelfCheck(
    IopClient iop, IOptions<AliExpressOptions> options, TimeProvider time, ILogger<AliExpressSelfCheck> logger, AliExpressMessageFamily family, AliExpressImCaller im)
    : IDisposable
{
    private const string NoChannel = "0";
    private readonly SemaphoreSlim running = new(1, 1);
    private volatile AliExpressSelfCheckReport? last;

    /// <summary>The last run's report, or null before the first.</summary>
    public AliExpressSelfCheckReport? Last => last;

    public async Task<AliExpressSelfCheckReport> RunAsync(CancellationToken cancellationToken)
    {
        await running.WaitAsync(cancellationToken);
        try
        {
            var settings = options.Value;
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var pageSize = settings.PageSize.ToString(CultureInfo.InvariantCulture);
            var query = new JsonObject { ["current_page"] = 1, ["page_size"] = settings.PageSize, ["start_time"] = now - 3_600_000, ["end_time"] = now };
            List<AliExpressMethodCheck> checks = family.IsIm ? await AliExpressImSelfCheck.ChecksAsync(im, now, ProbeAsync, cancellationToken) :
            [
                await ProbeAsync(AliExpressMethods.QueryRelations, "list conversations", new() { ["query"] = query.ToJsonString() }, cancellationToken),
                await ProbeAsync(AliExpressMethods.QueryDetails, "read messages",
                    new() { ["channel_id"] = NoChannel, ["current_page"] = "1", ["page_size"] = pageSize }, cancellationToken),
                new(AliExpressMethods.AddMessage, "post replies", null,
                    "not called (it has no harmless form); the first staff reply checks it, and staff see a refusal in the topic"),
                await ProbeAsync(AliExpressMethods.MarkProcessed, "mark conversations answered",
                    new() { ["channel_id"] = NoChannel, ["deal_stat"] = "0" }, cancellationToken),
            ];
            if (settings.MarkReadAfterRelay && !family.IsIm)
            {
                checks.Add(await ProbeAsync(AliExpressMethods.MarkRead, "mark conversations read", new() { ["channel_id"] = NoChannel }, cancellationToken));
            }

            // The order card's reads, about an order that does not exist ("0").
            checks.Add(await ProbeAsync(AliExpressMethods.FindOrder, "read orders for the order card", new() { ["param1"] = "{\"order_id\":0}" }, cancellationToken));
            checks.Add(await ProbeAsync(AliExpressMethods.OrderIssues, "read an order's disputes", new() { ["parent_order_id"] = NoChannel }, cancellationToken));

            foreach (var check in checks)
            {
                if (check.Allowed == false)
                {
                    AliExpressLog.SelfCheckRefused(logger, check.Method, check.Line());
                }
                else
                {
                    AliExpressLog.SelfCheckAllowed(logger, check.Method, check.Line());
                }
            }

            var report = new AliExpressSelfCheckReport(time.GetUtcNow(), checks) { OtherFamily = AliExpressImSelfCheck.OtherFamily(family, settings.MessageApi) };
            last = report;
            return report;
        }
        finally
        {
            running.Release();
        }
    }

    private Task<AliExpressMethodCheck> ProbeAsync(string method, string purpose, Dictionary<string, string> parameters, CancellationToken cancellationToken) =>
        ProbeAsync(method, purpose, () => iop.CallAsync(method, parameters, retryable: true, cancellationToken));

    private async Task<AliExpressMethodCheck> ProbeAsync(string method, string purpose, Func<Task> call)
    {
        try
        {
            await call();
            return new(method, purpose, true, "allowed");
        }
        catch (MarketplaceException e) when (e.Kind == MarketplaceErrorKind.Rejected && !AliExpressSelfCheckAdvice.RefusesTheMethod(e))
        {
            return new(method, purpose, true, $"allowed (the platform took the call and answered about the test channel: {Words(method, e)})");
        }
        catch (MarketplaceException e)
        {
            return new(method, purpose, false, Words(method, e), AliExpressSelfCheckAdvice.For(method, e));
        }
    }

    /// <summary>The platform's code and words, without the adapter's "AliExpress refused ..." lead.</summary>
    private static string Words(string method, MarketplaceException e)
    {
        var lead = $"AliExpress refused {method}: ";
        var text = e.Message.StartsWith(lead, StringComparison.Ordinal) ? e.Message[lead.Length..] : e.Message;
        return e.Code is { Length: > 0 } code && !text.StartsWith(code, StringComparison.Ordinal) ? $"{code}: {text}" : text;
    }

    public void Dispose() => running.Dispose();
}
