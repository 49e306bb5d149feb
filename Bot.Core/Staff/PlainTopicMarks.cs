using Bot.Core.Conversations;
using Bot.Core.Storage;

namespace Bot.Core.Staff;

/// <summary>No marks: the topic is called after its conversation, and nobody has it.</summary>
public sealed class PlainTopicMarks : ITopicMarks
{
    public Task<TopicMarks> ReadAsync(DbSession session, Conversation conversation) =>
        Task.FromResult(new TopicMarks(TopicNames.Of(conversation), null));
}
