namespace Bot.Core.Staff;

/// <summary>What a new topic's order card shows, read with the topic's binding just before the topic was made: the
/// marks (who has the conversation, the order's dispute) and the order's facts as last read. The delivery that made the
/// topic hands it to <see cref="TopicResolver.SendCardAsync"/>, so the card is not read again.</summary>
/// <param name="Marks">The topic's marks.</param>
/// <param name="Facts">The card's facts (HTML), or null when none were stored.</param>
public sealed record NewTopicCard(TopicMarks Marks, string? Facts);
