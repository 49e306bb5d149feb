namespace Bot.Core.Conversations;

/// <summary>A marketplace conversation as stored.</summary>
public sealed record Conversation(
    long Id,
    string Marketplace,
    string Account,
    ConversationKind Kind,
    string ExternalId,
    string BuyerId,
    string? BuyerName,
    string? BuyerLanguage,
    string? ReplyContext,
    OrderCard? Card);
