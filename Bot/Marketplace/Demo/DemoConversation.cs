using Bot.Core.Conversations;

namespace Bot.Marketplace.Demo;

/// <summary>One simulated buyer's conversation: who writes, in which language, about what, and everything they will say.</summary>
/// <param name="Index">The buyer's number: 0 for the first buyer of the demo.</param>
internal sealed record DemoConversation(
    int Index,
    string ConversationId,
    ConversationKind Kind,
    string BuyerId,
    string BuyerName,
    string Language,
    DemoTopic Topic,
    OrderCard Card,
    string Opening,
    string FollowUp,
    string Thanks);
