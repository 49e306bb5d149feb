using Bot.Core.Chat;
using Bot.Core.Formatting;
using Bot.Core.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Operations.Alerts;

/// <summary>Holds the alerts, kept in the database (<see cref="IAlertRepository"/>) so a restart keeps their start: one is
/// active from the check that finds it until the check that no longer does. Telling the operator chat (at the start,
/// as a reminder, when resolved) is one way of showing it, next to the page, /status and the metrics; a send that
/// fails (Telegram down) is tried again at the next check. Alerts go straight through the chat gateway, not the
/// outbox: they must reach operators while the relay is paused or the outbox itself is what is broken.</summary>
public sealed partial class AlertMonitor(
    StatusReader status,
    IOutboxRepository outbox,
    IAlertRepository store,
    IChatGateway chat,
    IOptions<OperatorOptions> operators,
    IOptions<OperationsOptions> options,
    TimeProvider time,
    ILogger<AlertMonitor> logger)
{
    private readonly Lock gate = new();
    private Dictionary<string, ActiveAlert>? held;
    private long checks;

    /// <summary>The alerts that hold now, oldest first, whether or not the operator chat was told yet.</summary>
    public IReadOnlyList<ActiveAlert> Active
    {
        get
        {
            lock (gate)
            {
                return (held?.Values.AsEnumerable() ?? []).Where(a => a.ResolvedAt is null).OrderBy(a => a.Since).ToList();
            }
        }
    }

    /// <summary>How many checks have completed (for tests and the status page).</summary>
    public long Checks => Interlocked.Read(ref checks);

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var current = held ?? (await store.LoadAsync(cancellationToken)).ToDictionary(a => a.Alert.Key);
        var snapshot = await status.ReadAsync(cancellationToken);
        var latestDead = snapshot.Outbox.Dead > 0 && await outbox.ListAsync(OutboxStatus.Dead, 1, cancellationToken) is [var latest, ..] ? latest : null;
        var found = AlertRules.Evaluate(snapshot, latestDead, options.Value);
        var now = time.GetUtcNow();
        var next = new Dictionary<string, ActiveAlert>(current);

        // First the state (so the page and the metrics show it even if Telegram is down), then the messages.
        foreach (var alert in found)
        {
            if (!next.TryGetValue(alert.Key, out var known))
            {
                LogStarted(alert.Key, alert.Text);
                next[alert.Key] = new ActiveAlert(alert, now, null);
            }
            else
            {
                // Back before its resolution was told: the same problem, from its first start.
                next[alert.Key] = known with { Alert = alert, ResolvedAt = null };
            }
        }

        foreach (var gone in next.Values.Where(a => a.ResolvedAt is null && found.All(f => f.Key != a.Alert.Key)).ToList())
        {
            LogResolved(gone.Alert.Key);
            next[gone.Alert.Key] = gone with { ResolvedAt = now };
        }

        foreach (var changed in next.Values.Where(a => !current.TryGetValue(a.Alert.Key, out var before) || before != a))
        {
            await store.SaveAsync(changed, cancellationToken);
        }

        Publish(next);
        foreach (var alert in next.Values.ToList())
        {
            if (await TellAsync(alert, now, cancellationToken) is not { } told)
            {
                continue;
            }

            if (told.ResolvedAt is not null)
            {
                await store.DeleteAsync(told.Alert.Key, cancellationToken);
                next.Remove(told.Alert.Key);
            }
            else
            {
                await store.SaveAsync(told, cancellationToken);
                next[told.Alert.Key] = told;
            }
        }

        Publish(next);
        Interlocked.Increment(ref checks);
    }

    /// <summary>Sends what the operator chat has not been told yet; returns the alert with its LastSent moved on
    /// when a message went out, null when none was due or the send failed.</summary>
    private async Task<ActiveAlert?> TellAsync(ActiveAlert a, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var title = Html.Escape(a.Alert.Title);
        var html = a switch
        {
            { ResolvedAt: { } resolved } => $"✅ <b>Resolved: {title}</b> (lasted {Durations.Format(resolved - a.Since)})",
            { LastSent: null } => $"🚨 <b>{title}</b>\n{Html.Escape(a.Alert.Text)}",
            { LastSent: { } last } when now - last >= options.Value.AlertReminderInterval =>
                $"⏰ <b>Still: {title}</b> (for {Durations.Format(now - a.Since)})\n{Html.Escape(a.Alert.Text)}",
            _ => null,
        };
        return html is not null && await SendAsync(html, cancellationToken) ? a with { LastSent = now } : null;
    }

    private void Publish(Dictionary<string, ActiveAlert> next)
    {
        lock (gate)
        {
            held = new Dictionary<string, ActiveAlert>(next);
        }
    }

    private async Task<bool> SendAsync(string html, CancellationToken cancellationToken)
    {
        if (operators.Value.OperatorChatId is not { } chatId)
        {
            return true; // No operator chat: the log line, the page and the metrics are the alert.
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
