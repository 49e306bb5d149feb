using Bot.Core.Chat;

namespace Bot.Core.Routing;

/// <summary>A route that also answers edits of messages written there (edited_message updates). Edits in chats whose
/// route does not implement this are ignored: nothing already done is redone because someone fixed a typo.</summary>
public interface IChatEditRoute : IChatRoute
{
    Task HandleEditAsync(IncomingChatMessage edited, CancellationToken cancellationToken);
}
