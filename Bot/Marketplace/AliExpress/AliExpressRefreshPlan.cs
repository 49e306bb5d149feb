namespace Bot.Marketplace.AliExpress;

/// <summary>When to refresh: at <see cref="AliExpressOptions.RefreshAtShareOfLifetime"/> of the access token's
/// lifetime or <see cref="AliExpressOptions.RefreshAhead"/> before its end, whichever is earlier, but never before
/// half its lifetime (a one-day test token with a one-day margin would otherwise be refreshed without end).</summary>
internal static class AliExpressRefreshPlan
{
    /// <returns>Null when the token cannot be refreshed (no expiry known or no refresh token).</returns>
    public static DateTimeOffset? Due(Bot.Core.Marketplace.MarketplaceAuthorization authorization, AliExpressOptions options)
    {
        if (authorization.AccessExpiresAt is not { } ends || authorization.RefreshToken is null)
        {
            return null;
        }

        var lifetime = ends - authorization.IssuedAt;
        var share = authorization.IssuedAt + (lifetime * options.RefreshAtShareOfLifetime);
        var ahead = ends - options.RefreshAhead;
        var earliest = authorization.IssuedAt + (lifetime / 2);
        var due = share < ahead ? share : ahead;
        return due < earliest ? earliest : due;
    }
}
