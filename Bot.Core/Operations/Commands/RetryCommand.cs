using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Formatting;
using Bot.Core.Outbox;

namespace Bot.Core.Operations.Commands;

/// <summary>/retry &lt;id&gt;, /retry conv &lt;order or chat id&gt;, /retry all: puts dead letters back in their lanes
/// with a fresh attempt budget and retry window (after an outage that outlasted Relay__RetryFor, or once a refusal
/// is fixed). The requeued deliveries are watched (<see cref="RetryWatch"/>): one given up again is reported back.</summary>
public sealed class RetryCommand(IOutboxRepository outbox, DeadLetterReader reader, RetryWatch watch) : IOperatorCommand
{
    private const string Usage = "Usage: /retry &lt;id&gt; (from /deadletters), /retry conv &lt;order or chat id&gt; or /retry all.";

    public string Name => "retry";

    public string Help => "/retry &lt;id&gt; | conv &lt;order or chat id&gt; | all: deliver dead letters again";

    public async Task<string> RunAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken)
    {
        var words = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        switch (words)
        {
            case [var all] when all.Equals("all", StringComparison.OrdinalIgnoreCase):
                return await RetryManyAsync(message, null, "", cancellationToken);
            case [var conv, var value] when conv.ToLowerInvariant() is "conv" or "conversation":
                var conversationId = await reader.FindConversationAsync(value.TrimStart('#'), cancellationToken)
                    ?? (TryParseId(value, out var internalId) ? internalId : null);
                return conversationId is { } found
                    ? await RetryManyAsync(message, found, $" of conversation {Html.Escape(value)}", cancellationToken)
                    : $"{Usage} No order or chat {Html.Escape(value)} is known (see /deadletters).";
            case [var value] when TryParseId(value, out var id):
                if (!await outbox.RetryDeadAsync(id, cancellationToken))
                {
                    return $"#{id} is not a dead letter (see /deadletters).";
                }

                watch.Watch([id], message);
                return $"🔁 #{id} is queued again. You will be told here if it fails again.";
            default:
                return Usage;
        }
    }

    private async Task<string> RetryManyAsync(IncomingChatMessage message, long? conversationId, string scope, CancellationToken cancellationToken)
    {
        var ids = await reader.DeadIdsAsync(conversationId, cancellationToken);
        var count = await outbox.RetryAllDeadAsync(conversationId, cancellationToken);
        watch.Watch(ids, message);
        return count == 0 ? $"No dead letters{scope} to retry." : $"🔁 {Plural.Of(count, "dead letter", "dead letters")}{scope} queued again. You will be told here if any fails again.";
    }

    private static bool TryParseId(string text, out long id) =>
        long.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
