using Bot.Core.Conversations;
using Bot.Core.Storage;

namespace Bot.Core.Staff;

/// <summary>What a conversation's staff topic shows beyond the conversation itself (who has it, the order's open
/// dispute), read when the topic or its card is made again, so a recreated topic does not lose them. The workflow
/// answers; without it (<see cref="PlainTopicMarks"/>) there are none.</summary>
public interface ITopicMarks
{
    Task<TopicMarks> ReadAsync(DbSession session, Conversation conversation);
}
