using Bot.Core.Chat;
using Bot.Core.Conversations;

namespace Bot.Core.Staff;

/// <summary>A command staff type in a conversation's topic (e.g. /invite). One small class per command.</summary>
public interface IStaffCommand
{
    /// <summary>The command without the slash, lower case.</summary>
    string Name { get; }

    Task HandleAsync(IncomingChatMessage message, Conversation conversation, string arguments, CancellationToken cancellationToken);
}
