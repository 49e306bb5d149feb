using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Outbox;
using Bot.Core.Operations.Wording;

namespace Bot.Core.Operations.Commands;

/// <summary>/retry &lt;id&gt;, /retry conv &lt;conversation&gt;, /retry all: puts dead letters back in their lanes with a
/// fresh attempt budget and retry window (after an outage that outlasted Relay__RetryFor, or once a refusal is fixed).</summary>
public sealed class RetryCommand(OutboxStore outbox) : IOperatorCommand
{
    private const string Usage = "Usage: /retry &lt;id&gt; (from /deadletters), /retry conv &lt;conversation&gt; or /retry all.";

    public string Name => "retry";

    public string Help => "/retry &lt;id&gt; | conv &lt;conversation&gt; | all: deliver dead letters again";

    public async Task<string> RunAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken)
    {
        var words = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        switch (words)
        {
            case [var all] when all.Equals("all", StringComparison.OrdinalIgnoreCase):
                return Requeued(await outbox.RetryAllDeadAsync(null, cancellationToken), "");
            case [var conv, var value] when conv.ToLowerInvariant() is "conv" or "conversation" && TryParseId(value, out var conversationId):
                return Requeued(await outbox.RetryAllDeadAsync(conversationId, cancellationToken), $" of conversation {conversationId}");
            case [var value] when TryParseId(value, out var id):
                return await outbox.RetryDeadAsync(id, cancellationToken)
                    ? $"🔁 #{id} is queued again."
                    : $"#{id} is not a dead letter (see /deadletters).";
            default:
                return Usage;
        }
    }

    private static string Requeued(int count, string scope) =>
        count == 0 ? $"No dead letters{scope} to retry." : $"🔁 {Plural.Of(count, "dead letter", "dead letters")}{scope} queued again.";

    private static bool TryParseId(string text, out long id) =>
        long.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
