using Bot.Core.Chat;

namespace Bot.Core.Routing;

/// <summary>Handles inline button presses whose data it recognises.</summary>
public interface ICallbackHandler
{
    /// <returns>False when the data is not this handler's.</returns>
    Task<bool> TryHandleAsync(IncomingCallback callback, CancellationToken cancellationToken);
}
