namespace Bot.Core.Conversations;

/// <summary>What a marketplace conversation is attached to.</summary>
public enum ConversationKind
{
    /// <summary>An order's comments: the record that dispute mediators read.</summary>
    Order,

    /// <summary>A message-center chat, usually before an order (product or store questions).</summary>
    Chat,
}
