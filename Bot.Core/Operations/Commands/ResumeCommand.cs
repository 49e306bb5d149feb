using Bot.Core.Chat;
using Bot.Core.Outbox;

namespace Bot.Core.Operations.Commands;

/// <summary>/resume: ends a pause and polls at once (also after an authorization error was fixed).</summary>
public sealed class ResumeCommand(BridgeHealth health, IPollWakeUp poller, OutboxSignal outbox) : IOperatorCommand
{
    public string Name => "resume";

    public string Help => "/resume: continue, and poll the marketplace now";

    public Task<string> RunAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken)
    {
        var was = health.Paused;
        health.Paused = false;
        poller.Wake();
        outbox.Notify();
        return Task.FromResult(was ? "▶️ Resumed; polling the marketplace now." : "▶️ Not paused; polling the marketplace now.");
    }
}
