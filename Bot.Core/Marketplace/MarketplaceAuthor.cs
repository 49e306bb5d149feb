namespace Bot.Core.Marketplace;

/// <summary>Which side of a marketplace conversation wrote a message.</summary>
public enum MarketplaceAuthor
{
    Buyer,

    /// <summary>The store: staff in the seller center, or the bridge's own posts coming back.</summary>
    Seller,
}
