using Bot.Core.Marketplace;

namespace Bot.Marketplace.AliExpress;

/// <summary>Counts every request that leaves for the gateway, retries included (the platform counts each one).</summary>
internal sealed class AliExpressCallCounter(MarketplaceCallMeter meter) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        meter.Count();
        return base.SendAsync(request, cancellationToken);
    }
}
