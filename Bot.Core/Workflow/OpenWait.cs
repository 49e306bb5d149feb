namespace Bot.Core.Workflow;

/// <summary>A buyer waiting for an answer: since their first message after the last answer, with where the
/// conversation's topic is and who has claimed it (all null when nobody has).</summary>
public sealed record OpenWait(
    long ConversationId,
    long FirstMessageId,
    DateTimeOffset WaitingSince,
    string Account,
    string ExternalId,
    string? BuyerName,
    long? ChatId,
    int? TopicId,
    DateTimeOffset? RemindedAt,
    long? ClaimedById,
    string? ClaimedBy);
