namespace Bot.Core.Conversations;

/// <summary>Who reads a conversation's thread in the chat platform; stored as "staff" or "buyer".</summary>
public enum Audience
{
    /// <summary>The store's staff, in a topic of the staff supergroup.</summary>
    Staff,

    /// <summary>The linked buyer, in their private chat with the bot.</summary>
    Buyer,
}
