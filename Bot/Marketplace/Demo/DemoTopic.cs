using Bot.Core.Conversations;

namespace Bot.Marketplace.Demo;

/// <summary>Something buyers write about: before an order (a chat) or about one (order comments), and the product.</summary>
internal sealed record DemoTopic(string Id, ConversationKind Kind, string Product);
