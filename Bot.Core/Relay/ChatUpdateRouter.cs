using Bot.Core.Chat;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Relay;

/// <summary>Sends each incoming chat message to the handler for where it was written. Only the staff chat and
/// private chats are served; anything from another chat is ignored, so nothing from it can reach a marketplace.</summary>
public sealed partial class ChatUpdateRouter(
    StaffMessageHandler staff,
    IEnumerable<IPrivateChatHandler> privateHandlers,
    IEnumerable<ICallbackHandler> callbackHandlers,
    IOptions<RelayOptions> options,
    ILogger<ChatUpdateRouter> logger) : IChatUpdateHandler
{
    public Task HandleMessageAsync(IncomingChatMessage message, CancellationToken cancellationToken)
    {
        if (message.FromIsBot)
        {
            return Task.CompletedTask;
        }

        if (message.ChatId == options.Value.StaffChatId)
        {
            return staff.HandleAsync(message, cancellationToken);
        }

        if (message.ChatType == ChatType.Private && privateHandlers.FirstOrDefault() is { } privateChat)
        {
            return privateChat.HandleAsync(message, cancellationToken);
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
