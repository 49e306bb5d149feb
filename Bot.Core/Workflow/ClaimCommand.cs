using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Staff;

namespace Bot.Core.Workflow;

/// <summary>/claim in a conversation's topic: the writer takes the conversation.</summary>
public sealed class ClaimCommand(ConversationClaims claims) : IStaffCommand
{
    public string Name => "claim";

    public Task HandleAsync(IncomingChatMessage message, Conversation conversation, string arguments, CancellationToken cancellationToken) =>
        claims.ClaimAsync(conversation, message.ChatId, message.TopicId!.Value, message.FromUserId, message.FromName, message.MessageId, cancellationToken);
}
