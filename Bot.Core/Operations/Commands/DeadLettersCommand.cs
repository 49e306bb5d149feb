using System.Text;
using Bot.Core.Chat;
using Bot.Core.Formatting;
using Bot.Core.Logging;

namespace Bot.Core.Operations.Commands;

/// <summary>/deadletters: the most recent deliveries given up, with the order or chat they belong to, the buyer, a
/// link to the staff topic and the error.</summary>
public sealed class DeadLettersCommand(DeadLetterReader reader) : IOperatorCommand
{
    private const int Shown = 10;

    public string Name => "deadletters";

    public string Help => "/deadletters: the latest deliveries given up";

    public async Task<string> RunAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken)
    {
        var dead = await reader.LatestAsync(Shown, cancellationToken);
        if (dead.Count == 0)
        {
            return "No dead letters. 🎉";
        }

        var text = new StringBuilder($"💀 <b>Dead letters</b> (latest {dead.Count}):\n");
        foreach (var item in dead)
        {
            var error = Secrets.Redact(item.LastError);
            error = error.Length > 200 ? error[..200] + "…" : error;
            text.Append($"#{item.Id} {Html.Escape(item.Kind)}{Describe(item)}, {Plural.Of(item.Attempts, "attempt", "attempts")}: {Html.Escape(error)}\n");
        }

        text.Append("Send /retry &lt;id&gt; to deliver one again, /retry conv &lt;order or chat id&gt; for a conversation's, /retry all for every one.");
        return text.ToString();
    }

    /// <summary>", order 3001 (Ana, topic)" with the topic as a link; empty without a conversation.</summary>
    internal static string Describe(DeadLetter item)
    {
        if (item.ExternalId is null)
        {
            return "";
        }

        var buyer = item.BuyerName is { Length: > 0 } name ? Html.Escape(name) : null;
        var topic = item.TopicLink is { } link ? Html.Link(link, "topic") : null;
        var details = string.Join(", ", new[] { buyer, topic }.Where(d => d is not null));
        return $", {Html.Escape(item.Conversation)}{(details.Length > 0 ? $" ({details})" : "")}";
    }
}
