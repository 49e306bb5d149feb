namespace Bot.Core.Messages;

/// <summary>Where a stored message was written; stored as "marketplace" or "telegram".</summary>
public enum MessageOrigin
{
    /// <summary>Taken in from the marketplace (the buyer, or the store's seller center).</summary>
    Marketplace,

    /// <summary>Written in Telegram (staff in a topic, or a linked buyer).</summary>
    Telegram,
}
