using Bot.Core.Conversations;
using Bot.Core.Staff;
using Bot.Core.Storage;

namespace Bot.Core.Workflow;

/// <summary>A staff topic's claim and dispute mark as stored, for a topic or card made again (<see cref="TopicTitles"/>
/// names it).</summary>
public sealed class StaffTopicMarks(IWorkflowRepository workflow, IOrderCardRepository cards) : ITopicMarks
{
    public async Task<TopicMarks> ReadAsync(DbSession session, Conversation conversation)
    {
        var claim = await workflow.GetClaimAsync(session, conversation.Id);
        var disputed = await cards.DisputeOpenAsync(session, conversation.Id);
        return new TopicMarks(TopicTitles.Of(conversation, claim?.UserName, disputed), claim?.UserName);
    }
}
