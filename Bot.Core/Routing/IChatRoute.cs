using Bot.Core.Chat;

namespace Bot.Core.Routing;

/// <summary>One place where people talk to the bot (the staff chat, the operator chat, buyers' private chats).
/// The router gives a message to the first route, by <see cref="Order"/>, that claims it.</summary>
public interface IChatRoute
{
    /// <summary>Lower runs first: the staff chat is 0, operators 10, buyers' private chats 100.</summary>
    int Order { get; }

    bool Matches(IncomingChatMessage message);

    Task HandleAsync(IncomingChatMessage message, CancellationToken cancellationToken);
}
