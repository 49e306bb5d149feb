using System.Globalization;
using System.Net;
using System.Text;
using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;
using Bot.Core.Outbox;

namespace Bot.Operations;

/// <summary>The page at "/": the bridge at a glance for a person, refreshing itself. Every text is HTML-encoded and
/// errors are redacted; no setting is shown, so no secret can be.</summary>
internal sealed class StatusPage(StatusReader status, ReadinessCheck readiness, AlertMonitor alerts, OutboxStore outbox)
{
    public const int RefreshSeconds = 10;

    public async Task<string> RenderAsync(CancellationToken cancellationToken)
    {
        var s = await status.ReadAsync(cancellationToken);
        var ready = await readiness.CheckAsync(cancellationToken);
        var dead = await outbox.ListAsync("dead", 5, cancellationToken);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="{RefreshSeconds}">
            <title>Bridge status</title>
            <style>body{"{"}font-family:system-ui,sans-serif;margin:2em{"}"} td,th{"{"}padding:.2em .8em;text-align:left;vertical-align:top{"}"}
            .ok{"{"}color:#176d2c{"}"} .bad{"{"}color:#b00020;font-weight:bold{"}"}</style></head><body>
            <h1>Bridge: <span class="{(ready.Ready ? "ok\">ready" : "bad\">not ready")}</span>{(s.Paused ? " <span class=\"bad\">(paused)</span>" : "")}</h1>
            <p>At {E(Stamp(s.At))}; refreshes every {RefreshSeconds} s.</p>
            <h2>Checks</h2><table><tr><th>Check</th><th>State</th><th>Detail</th></tr>
            """);
        foreach (var check in ready.Checks)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(check.Name)}</td>{State(check.Ok)}<td>{E(check.Detail)}</td></tr>\n");
        }

        html.Append("</table>\n<h2>Parts</h2><table><tr><th>Part</th><th>State</th><th>Last success</th><th>Failing since</th><th>Last error</th></tr>\n");
        Part(html, "Telegram", s.Telegram);
        Part(html, "Marketplace", s.Marketplace);
        Part(html, "Staff chat", s.StaffChat);
        html.Append(CultureInfo.InvariantCulture, $"""
            </table>
            <h2>Queues</h2><table>
            <tr><td>Pending deliveries</td><td>{s.Outbox.Pending}</td></tr>
            <tr><td>Oldest pending</td><td>{(s.Outbox.OldestPendingAge is { } age ? E(AlertRules.Duration(age)) : "none")}</td></tr>
            <tr><td>Dead letters</td><td{(s.Outbox.Dead > 0 ? " class=\"bad\"" : "")}>{s.Outbox.Dead}</td></tr>
            <tr><td>Since last successful poll</td><td>{E(AlertRules.Duration(s.PollLag))}</td></tr>
            <tr><td>Delivered / failed attempts / Telegram 429s (since start)</td><td>{s.Delivered} / {s.Failures} / {s.RateLimited}</td></tr>
            </table>
            <h2>Alerts</h2>
            """);
        var active = alerts.Active;
        html.Append(active.Count == 0 ? "<p class=\"ok\">None.</p>\n" : "<ul>\n");
        foreach (var alert in active)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><b>{E(alert.Alert.Title)}</b> since {E(Stamp(alert.Since))}: {E(alert.Alert.Text)}</li>\n");
        }

        html.Append(active.Count == 0 ? "" : "</ul>\n");
        html.Append("<h2>Latest dead letters</h2>\n");
        html.Append(dead.Count == 0 ? "<p class=\"ok\">None.</p>\n" : "<table><tr><th>Id</th><th>Kind</th><th>Attempts</th><th>Error</th></tr>\n");
        foreach (var item in dead)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{item.Id}</td><td>{E(item.Kind)}</td><td>{item.Attempts}</td><td>{E(Secrets.Redact(item.LastError))}</td></tr>\n");
        }

        html.Append(dead.Count == 0 ? "" : "</table>\n");
        html.Append("<p><a href=\"/readyz\">/readyz</a> · <a href=\"/metrics\">/metrics</a> · <a href=\"/healthz\">/healthz</a></p>\n</body></html>\n");
        return html.ToString();
    }

    private static void Part(StringBuilder html, string name, PartState part) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(name)}</td>{State(part.Ok, part.LastSuccess is null && part.LastError is null)}<td>{E(Stamp(part.LastSuccess))}</td><td>{E(Stamp(part.FailingSince))}</td><td>{E(Secrets.Redact(part.LastError))}{(part.NeedsOperator ? " <b>(needs an operator)</b>" : "")}</td></tr>\n");

    private static string State(bool ok, bool unknown = false) =>
        unknown ? "<td>waiting</td>" : ok ? "<td class=\"ok\">ok</td>" : "<td class=\"bad\">failing</td>";

    private static string Stamp(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
