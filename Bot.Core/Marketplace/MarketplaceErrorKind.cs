namespace Bot.Core.Marketplace;

public enum MarketplaceErrorKind
{
    /// <summary>Worth retrying later: 5xx, timeouts, throttling, a garbled answer.</summary>
    Transient,

    /// <summary>The account cannot act (expired session, missing permission, IP not whitelisted):
    /// an operator must fix it; retrying does not help.</summary>
    Authorization,

    /// <summary>The platform refused this particular request; retrying the same request will not help.</summary>
    Rejected,
}
