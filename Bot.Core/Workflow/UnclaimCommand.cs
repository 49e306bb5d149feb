using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Staff;

namespace Bot.Core.Workflow;

/// <summary>/unclaim in a conversation's topic: nobody has the conversation any more (anyone may give it back).</summary>
public sealed class UnclaimCommand(ConversationClaims claims) : IStaffCommand
{
    public string Name => "unclaim";

    public Task HandleAsync(IncomingChatMessage message, Conversation conversation, string arguments, CancellationToken cancellationToken) =>
        claims.UnclaimAsync(conversation, message.ChatId, message.TopicId!.Value, message.FromName, message.MessageId, cancellationToken);
}
