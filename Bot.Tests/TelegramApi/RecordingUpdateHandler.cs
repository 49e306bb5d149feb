using System.Collections.Concurrent;
using Bot.Core.Chat;
using Bot.Core.Routing;

namespace Bot.Tests.TelegramApi;

/// <summary>Records what the receiver hands to the core; a test decides which messages fail and what a press does.</summary>
internal sealed class RecordingUpdateHandler : IChatUpdateHandler
{
    public ConcurrentQueue<IncomingChatMessage> Messages { get; } = new();

    public ConcurrentQueue<IncomingCallback> Callbacks { get; } = new();

    /// <summary>Messages whose text makes the handler throw (while the function says so).</summary>
    public Func<IncomingChatMessage, bool> Fails { get; set; } = _ => false;

    public Func<IncomingCallback, CancellationToken, Task> OnCallback { get; set; } = (_, _) => Task.CompletedTask;

    public Task HandleMessageAsync(IncomingChatMessage message, CancellationToken cancellationToken)
    {
        if (Fails(message))
        {
            throw new InvalidOperationException("database is locked");
        }

        Messages.Enqueue(message);
        return Task.CompletedTask;
    }

    public async Task HandleCallbackAsync(IncomingCallback callback, CancellationToken cancellationToken)
    {
        Callbacks.Enqueue(callback);
        await OnCallback(callback, cancellationToken);
    }
}
