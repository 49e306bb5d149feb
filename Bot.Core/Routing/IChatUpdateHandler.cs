using Bot.Core.Chat;
namespace Bot.Core.Routing;

/// <summary>The core's entry point for what people do in Telegram. Must be idempotent: the receiver may deliver the
/// same update again after a crash, because it confirms the offset only once the handler returned.</summary>
public interface IChatUpdateHandler
{
    Task HandleMessageAsync(IncomingChatMessage message, CancellationToken cancellationToken);

    Task HandleCallbackAsync(IncomingCallback callback, CancellationToken cancellationToken);
}
