using Bot.Core.Chat;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Routing;

/// <summary>Gives each incoming chat message to the route for where it was written. A message no route claims is
/// ignored, so nothing from an unknown chat can reach a marketplace. A command addressed to another bot
/// ("/pause@OtherBot" in a group shared with it) is not for this one and is ignored everywhere: it is neither run nor
/// relayed as text (https://core.telegram.org/bots/features#commands). Edits go only to routes that handle them (<see cref="IChatEditRoute"/>).</summary>
public sealed partial class ChatUpdateRouter(
    IEnumerable<IChatRoute> routes,
    IEnumerable<ICallbackHandler> callbackHandlers,
    ILogger<ChatUpdateRouter> logger,
    IBotIdentity? identity = null) : IChatUpdateHandler
{
    private readonly IReadOnlyList<IChatRoute> ordered = routes.OrderBy(r => r.Order).ToList();

    public async Task HandleMessageAsync(IncomingChatMessage message, CancellationToken cancellationToken)
    {
        if (message.FromIsBot)
        {
            return;
        }

        if (message.CommandAddressee is { } addressee && identity is not null
            && !string.Equals(addressee, await identity.GetUsernameAsync(cancellationToken), StringComparison.OrdinalIgnoreCase))
        {
            LogOtherBotsCommand(message.ChatId, addressee);
            return;
        }

        foreach (var route in ordered)
        {
            if (!route.Matches(message))
            {
                continue;
            }

            if (!message.IsEdit)
            {
                await route.HandleAsync(message, cancellationToken);
            }
            else if (route is IChatEditRoute editable)
            {
                await editable.HandleEditAsync(message, cancellationToken);
            }
            else
            {
                LogEditIgnored(message.ChatId);
            }

            return;
        }

        LogIgnored(message.ChatId, message.ChatType);
    }

    public async Task HandleCallbackAsync(IncomingCallback callback, CancellationToken cancellationToken)
    {
        foreach (var handler in callbackHandlers)
        {
            if (await handler.TryHandleAsync(callback, cancellationToken))
            {
                return;
            }
        }

        LogIgnoredCallback(callback.ChatId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a message from chat {ChatId} ({ChatType}): not a chat the bridge serves")]
    private partial void LogIgnored(long chatId, ChatType chatType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a command in chat {ChatId} addressed to another bot, @{Addressee}")]
    private partial void LogOtherBotsCommand(long chatId, string addressee);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored an edit in chat {ChatId}: edits there are not acted on")]
    private partial void LogEditIgnored(long chatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a button press in chat {ChatId}")]
    private partial void LogIgnoredCallback(long chatId);
}
