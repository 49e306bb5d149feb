namespace Bot.Core.Messages;

public enum AuthorRole
{
    /// <summary>The buyer, on the marketplace or (once linked) in Telegram.</summary>
    Buyer,

    /// <summary>The store, writing in the marketplace's own seller center.</summary>
    Seller,

    /// <summary>Store staff, writing in a staff topic.</summary>
    Staff,
}
