using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Outbox;

namespace Bot.Core.Operations.Commands;

/// <summary>/retry &lt;id&gt;: puts a dead letter back in its lane with a fresh attempt budget.</summary>
public sealed class RetryCommand(OutboxStore outbox) : IOperatorCommand
{
    public string Name => "retry";

    public string Help => "/retry &lt;id&gt;: deliver a dead letter again";

    public async Task<string> RunAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken)
    {
        if (!long.TryParse(arguments.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return "Usage: /retry &lt;id&gt; (the id from /deadletters).";
        }

        return await outbox.RetryDeadAsync(id, cancellationToken)
            ? $"🔁 #{id} is queued again."
            : $"#{id} is not a dead letter (see /deadletters).";
    }
}
