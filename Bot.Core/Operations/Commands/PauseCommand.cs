using Bot.Core.Chat;

namespace Bot.Core.Operations.Commands;

/// <summary>/pause: stops marketplace polling and outbox delivery until /resume (nothing is lost: both pick up
/// where they stopped).</summary>
public sealed class PauseCommand(BridgeHealth health) : IOperatorCommand
{
    public string Name => "pause";

    public string Help => "/pause: stop polling and deliveries";

    public Task<string> RunAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken)
    {
        var was = health.Paused;
        health.Paused = true;
        return Task.FromResult(was
            ? "Already paused. /resume to continue."
            : "⏸ Paused: no marketplace polling and no deliveries until /resume. Nothing is lost meanwhile.");
    }
}
