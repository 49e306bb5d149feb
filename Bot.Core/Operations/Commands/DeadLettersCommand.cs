using System.Text;
using Bot.Core.Chat;
using Bot.Core.Outbox;
using Bot.Core.Relay.Formatting;
using Bot.Core.Operations.Wording;

namespace Bot.Core.Operations.Commands;

/// <summary>/deadletters: the most recent deliveries given up, with id, kind and error.</summary>
public sealed class DeadLettersCommand(OutboxStore outbox) : IOperatorCommand
{
    private const int Shown = 10;

    public string Name => "deadletters";

    public string Help => "/deadletters: the latest deliveries given up";

    public async Task<string> RunAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken)
    {
        var dead = await outbox.ListAsync("dead", Shown, cancellationToken);
        if (dead.Count == 0)
        {
            return "No dead letters. 🎉";
        }

        var text = new StringBuilder($"💀 <b>Dead letters</b> (latest {dead.Count}):\n");
        foreach (var item in dead)
        {
            var error = Secrets.Redact(item.LastError);
            error = error.Length > 200 ? error[..200] + "…" : error;
            var conversation = item.ConversationId is { } id ? $", conversation {id}" : "";
            text.Append($"#{item.Id} {Html.Escape(item.Kind)}{conversation}, {Plural.Of(item.Attempts, "attempt", "attempts")}: {Html.Escape(error)}\n");
        }

        text.Append("Send /retry &lt;id&gt; to deliver one again, /retry conv &lt;conversation&gt; for a conversation's, /retry all for every one.");
        return text.ToString();
    }
}
