using Bot.Core.Chat;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Relay;

/// <summary>Gives each incoming chat message to the route for where it was written. A message no route claims is
/// ignored, so nothing from an unknown chat can reach a marketplace.</summary>
public sealed partial class ChatUpdateRouter(
    IEnumerable<IChatRoute> routes,
    IEnumerable<ICallbackHandler> callbackHandlers,
    ILogger<ChatUpdateRouter> logger) : IChatUpdateHandler
{
    private readonly IReadOnlyList<IChatRoute> ordered = routes.OrderBy(r => r.Order).ToList();

    public Task HandleMessageAsync(IncomingChatMessage message, CancellationToken cancellationToken)
    {
        if (message.FromIsBot)
        {
            return Task.CompletedTask;
        }

        foreach (var route in ordered)
        {
            if (route.Matches(message))
            {
                return route.HandleAsync(message, cancellationToken);
            }
        }

        LogIgnored(message.ChatId, message.ChatType);
        return Task.CompletedTask;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a button press in chat {ChatId}")]
    private partial void LogIgnoredCallback(long chatId);
}
