using Bot.Core.Chat;

namespace Bot.Core.Operations;

/// <summary>A command operators send to the bot (e.g. /retry 42). One small class per command.</summary>
public interface IOperatorCommand
{
    /// <summary>The command without the slash, lower case.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Help { get; }

    /// <returns>The reply, as HTML (everything from outside escaped).</returns>
    Task<string> RunAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken);
}
