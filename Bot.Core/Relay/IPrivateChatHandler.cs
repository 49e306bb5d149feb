using Bot.Core.Chat;

namespace Bot.Core.Relay;

/// <summary>Handles messages people send to the bot in a private chat (buyers, operators).</summary>
public interface IPrivateChatHandler
{
    Task HandleAsync(IncomingChatMessage message, CancellationToken cancellationToken);
}
