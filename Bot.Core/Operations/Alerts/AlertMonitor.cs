using Bot.Core.Chat;
using Bot.Core.Outbox;
using Bot.Core.Relay.Formatting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Operations.Alerts;

/// <summary>Tells operators about problems: once when one starts, as a reminder while it lasts, and once when it is
/// resolved. Alerts go straight through the chat gateway, not the outbox: they must reach operators while the relay
/// is paused or the outbox itself is what is broken. A send that fails is tried again at the next check.</summary>
public sealed partial class AlertMonitor(
    StatusReader status,
    OutboxStore outbox,
    IChatGateway chat,
    IOptions<OperatorOptions> operators,
    IOptions<OperationsOptions> options,
    TimeProvider time,
    ILogger<AlertMonitor> logger)
{
    private readonly Lock gate = new();
    private readonly HashSet<string> logged = [];
    private Dictionary<string, ActiveAlert> active = [];
    private long checks;

    /// <summary>The alerts that hold now, oldest first.</summary>
    public IReadOnlyList<ActiveAlert> Active
    {
        get
        {
            lock (gate)
            {
                return active.Values.OrderBy(a => a.Since).ToList();
            }
        }
    }

    /// <summary>How many checks have completed (for tests and the status page).</summary>
    public long Checks => Interlocked.Read(ref checks);

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var snapshot = await status.ReadAsync(cancellationToken);
        var latestDead = snapshot.Outbox.Dead > 0 && await outbox.ListAsync("dead", 1, cancellationToken) is [var latest, ..] ? latest : null;
        var found = AlertRules.Evaluate(snapshot, latestDead, options.Value);
        var now = time.GetUtcNow();
        var next = new Dictionary<string, ActiveAlert>(active);

        foreach (var alert in found)
        {
            if (!active.TryGetValue(alert.Key, out var current))
            {
                if (logged.Add(alert.Key))
                {
                    LogStarted(alert.Key, alert.Text);
                }

                if (await SendAsync($"🚨 <b>{Html.Escape(alert.Title)}</b>\n{Html.Escape(alert.Text)}", cancellationToken))
                {
                    next[alert.Key] = new ActiveAlert(alert, now, now);
                }
            }
            else if (now - current.LastSent >= options.Value.AlertReminderInterval)
            {
                var text = $"⏰ <b>Still: {Html.Escape(alert.Title)}</b> (for {AlertRules.Duration(now - current.Since)})\n{Html.Escape(alert.Text)}";
                next[alert.Key] = await SendAsync(text, cancellationToken) ? current with { Alert = alert, LastSent = now } : current with { Alert = alert };
            }
            else
            {
                next[alert.Key] = current with { Alert = alert };
            }
        }

        foreach (var gone in active.Values.Where(a => found.All(f => f.Key != a.Alert.Key)))
        {
            var text = $"✅ <b>Resolved: {Html.Escape(gone.Alert.Title)}</b> (lasted {AlertRules.Duration(now - gone.Since)})";
            if (await SendAsync(text, cancellationToken))
            {
                next.Remove(gone.Alert.Key);
                logged.Remove(gone.Alert.Key);
                LogResolved(gone.Alert.Key);
            }
        }

        lock (gate)
        {
            active = next;
        }

        Interlocked.Increment(ref checks);
    }

    private async Task<bool> SendAsync(string html, CancellationToken cancellationToken)
    {
        if (operators.Value.OperatorChatId is not { } chatId)
        {
            return true; // No operator chat: the log line is the alert.
        }

        try
        {
            await chat.SendTextAsync(new ChatText(chatId, null, html), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSendFailed(e, chatId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertKey}: {AlertText}")]
    private partial void LogStarted(string alertKey, string alertText);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertKey} resolved")]
    private partial void LogResolved(string alertKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send an alert to the operator chat {ChatId}; trying again at the next check")]
    private partial void LogSendFailed(Exception error, long chatId);
}
