using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>The seller's tokens: read from the database once, kept in memory, replaced only once a new authorization
/// is stored (so the old token stays in use while a refresh is under way or failing). A token given in configuration
/// is stored on first start when the database has none.</summary>
internal sealed class AliExpressTokens(IMarketplaceAuthorizationRepository repository, IOptions<AliExpressOptions> options, TimeProvider time) : IDisposable
{
    public const string Marketplace = "aliexpress";

    /// <summary>The sentence for a bridge that has no token yet.</summary>
    public const string NotConnected = "The bridge is not connected to an AliExpress store yet: send /connect in the operator chat to authorize it.";

    /// <summary>The sentence for an access token the platform no longer accepts.</summary>
    public const string Expired =
        "The AliExpress store's authorization is invalid or expired (revoked, or not renewed in time): send /connect in the operator chat to authorize the bridge again.";

    private readonly SemaphoreSlim gate = new(1, 1);
    private MarketplaceAuthorization? current;
    private bool loaded;

    /// <summary>Raised after a new authorization was stored (the refresher plans again).</summary>
    public event Action? Changed;

    public async Task<MarketplaceAuthorization?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref loaded))
        {
            return current;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!loaded)
            {
                current = await repository.GetAsync(Marketplace, cancellationToken);
                if (current is null && options.Value.AccessToken is { Length: > 0 } bootstrap)
                {
                    current = new MarketplaceAuthorization(bootstrap, null, null, null, time.GetUtcNow());
                    await repository.SaveAsync(Marketplace, current, cancellationToken);
                }

                Volatile.Write(ref loaded, true);
            }

            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The access token to send, or an authorization error that says how to connect.</summary>
    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken))?.AccessToken
        ?? throw new MarketplaceException(MarketplaceErrorKind.Authorization, NotConnected, "NotConnected");

    /// <summary>True for the platform's answers to a token it no longer accepts (IllegalAccessToken, session expired).</summary>
    public static bool IsExpired(MarketplaceException error) =>
        error.Code?.Contains("IllegalAccessToken", StringComparison.OrdinalIgnoreCase) == true
        || error.Message.Contains("session expired", StringComparison.OrdinalIgnoreCase)
        || error.Message.Contains("session-expired", StringComparison.OrdinalIgnoreCase);

    /// <summary>The sentence for a token refused at its end, while the refresher renews it.</summary>
    public const string Renewing = "The AliExpress access token reached its end and is being renewed; the call is tried again.";

    /// <summary>How near its recorded end a refused access token counts as simply ended (the platform's clock and
    /// ours differ), and how long after that end the refresher is given to renew it before operators are needed.</summary>
    private static readonly TimeSpan EndSlack = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RenewalGrace = TimeSpan.FromMinutes(10);

    /// <summary>True when a refusal of <paramref name="accessTokenSent"/> as expired needs no operator: a newer token
    /// is stored already, or the token was refused around its recorded end while a refresh token is still good (the
    /// refresh is due and retried). False when the token should still be valid (revoked) or renewing has failed for
    /// longer than the grace.</summary>
    public bool AwaitsRenewal(string accessTokenSent)
    {
        if (Volatile.Read(ref current) is not { } stored)
        {
            return false;
        }

        if (stored.AccessToken != accessTokenSent)
        {
            return true;
        }

        var now = time.GetUtcNow();
        return stored.AccessExpiresAt is { } ends && now >= ends - EndSlack && now <= ends + RenewalGrace
            && stored.RefreshToken is not null && (stored.RefreshExpiresAt is not { } refreshEnds || refreshEnds > now);
    }

    /// <summary>Stores <paramref name="authorization"/> and uses it from now on.</summary>
    public async Task StoreAsync(MarketplaceAuthorization authorization, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await repository.SaveAsync(Marketplace, authorization, cancellationToken);
            current = authorization;
            Volatile.Write(ref loaded, true);
        }
        finally
        {
            gate.Release();
        }

        Changed?.Invoke();
    }

    public void Dispose() => gate.Dispose();
}
