namespace Bot.Core.Workflow;

/// <summary>A conversation /find found, with its staff topic when it has one.</summary>
public sealed record FoundConversation(long ConversationId, string ExternalId, string? BuyerName, long? ChatId, int? TopicId, DateTimeOffset LastActivityAt);
