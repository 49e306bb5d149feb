using Bot.Core.Operations;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.Wildberries;

/// <summary>Warns operators ahead of the token's expiry (its <c>exp</c> claim; tokens live 180 days and cannot be
/// renewed through the API) through the authorization notice, which becomes an alert; and says so once it has ended.</summary>
internal sealed class WildberriesTokenWatch(BridgeHealth health, TimeProvider time, IOptions<WildberriesOptions> options) : BackgroundService
{
    private static readonly TimeSpan Recheck = TimeSpan.FromHours(1);

    /// <summary>The notice for now: "ending" within the warning, "ended" after the expiry, else null.</summary>
    public AuthorizationNotice? Notice()
    {
        if (WildberriesToken.Read(options.Value.Token)?.ExpiresAt is not { } expires)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var stamp = expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        const string Fix = "create a new Personal token with the Buyers Chat category in the seller portal and set Marketplace__Wildberries__Token";
        return expires <= now ? new AuthorizationNotice("ended", $"The Wildberries token expired on {stamp}: {Fix}.")
            : expires - now <= options.Value.ExpiryWarning ? new AuthorizationNotice("ending", $"The Wildberries token expires on {stamp}: {Fix} before then.")
            : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                health.MarketplaceAuthorizationNotice = Notice();
                await Task.Delay(Recheck, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
