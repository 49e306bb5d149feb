namespace Bot.Core.Messages;

/// <summary>Where a copy of a message was made; stored as "telegram" or "marketplace".</summary>
public enum CopyTarget
{
    /// <summary>A Telegram message (a staff topic or a buyer's private chat).</summary>
    Telegram,

    /// <summary>A post in the marketplace conversation.</summary>
    Marketplace,
}
