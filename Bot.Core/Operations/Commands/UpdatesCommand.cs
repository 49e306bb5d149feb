using System.Globalization;
using System.Text;
using Bot.Core.Chat;
using Bot.Core.Formatting;
using Bot.Core.Logging;
using Bot.Core.Routing.Parking;

namespace Bot.Core.Operations.Commands;

/// <summary>/updates: Telegram updates that failed and wait for another try or were given up on; "/updates retry 7"
/// tries a given-up one again.</summary>
public sealed class UpdatesCommand(IParkedUpdateRepository parked) : IOperatorCommand
{
    private const int Shown = 10;
    private const int PayloadShown = 300;

    public string Name => "updates";

    public string Help => "/updates: Telegram updates that failed; /updates retry &lt;id&gt; tries one again";

    public async Task<string> RunAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is ["retry", var raw])
        {
            return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && await parked.RetryDeadAsync(id, cancellationToken)
                ? $"Update #{id} will be tried again."
                : $"No given-up update #{Html.Escape(raw)}.";
        }

        var open = await parked.ListOpenAsync(Shown, cancellationToken);
        if (open.Count == 0)
        {
            return "No failed updates. 🎉";
        }

        var text = new StringBuilder($"📥 <b>Failed updates</b> (latest {open.Count}):\n");
        foreach (var update in open)
        {
            var error = Secrets.Redact(update.LastError);
            error = error.Length > 200 ? error[..200] + "…" : error;
            var payload = update.Payload.Length > PayloadShown ? update.Payload[..PayloadShown] + "…" : update.Payload;
            var state = update.Status == ParkedUpdateStatus.Dead ? "given up" : $"next try {update.NextAttemptAt:u}";
            text.Append(CultureInfo.InvariantCulture, $"#{update.Id} (update {update.UpdateId}), {Plural.Of(update.Attempts, "attempt", "attempts")}, {state}: {Html.Escape(error)}\n<code>{Html.Escape(payload)}</code>\n");
        }

        return text.ToString();
    }
}
