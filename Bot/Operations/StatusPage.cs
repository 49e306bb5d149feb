using System.Globalization;
using System.Net;
using System.Text;
using Bot.Core.Formatting;
using Bot.Core.Logging;
using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;

namespace Bot.Operations;

/// <summary>The page at "/": the bridge at a glance for a person, on a phone or a desktop, refreshing itself. The
/// headline is the worst state of any part and lists what is wrong first. Every text is HTML-encoded and errors are
/// redacted; no setting is shown, so no secret can be.</summary>
internal sealed class StatusPage(StatusReader status, ReadinessCheck readiness, AlertMonitor alerts, DeadLetterReader deadLetters, FirstResponseSection answers, Microsoft.Extensions.Options.IOptions<Bot.Core.Storage.StoreOptions> store)
{
    public const int RefreshSeconds = 10;

    public async Task<string> RenderAsync(CancellationToken cancellationToken)
    {
        var s = await status.ReadAsync(cancellationToken);
        var ready = await readiness.CheckAsync(cancellationToken);
        var dead = await deadLetters.LatestAsync(5, cancellationToken);
        var active = alerts.Active;
        var verdict = StatusVerdict.Of(s, ready, active);
        var html = new StringBuilder();
        var name = store.Value.IsNamed ? $"Bridge {store.Value.Id}" : "Bridge";
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="{RefreshSeconds}">
            <title>{E(name)}: {E(verdict.Headline)}</title>
            <style>{StatusPageStyle.Css}</style></head><body>
            <h1>{E(name)}: <span class="{verdict.CssClass}">{E(verdict.Headline)}</span>{(s.Paused ? " <span class=\"wait\">(paused)</span>" : "")}</h1>
            <p class="note">At {E(Stamp(s.At))}; refreshes every {RefreshSeconds} s.</p>

            """);
        if (s.MarketplaceNotice is { } notice)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"wait\">🧪 {E(notice)}</p>\n");
        }

        if (verdict.Problems.Count > 0)
        {
            html.Append("<ul class=\"problems\">\n");
            foreach (var (title, text) in verdict.Problems)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><b>{E(title)}</b>: {E(Secrets.Redact(text))}</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<h2>Checks</h2><table><tr class=\"head\"><th>Check</th><th>State</th><th>Detail</th></tr>\n");
        foreach (var check in ready.Checks)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td data-label=\"Check\">{E(check.Name)}</td>{State(check.Ok)}<td data-label=\"Detail\" class=\"long\">{E(check.Detail)}</td></tr>\n");
        }

        html.Append("</table>\n<h2>Parts</h2><table><tr class=\"head\"><th>Part</th><th>State</th><th>Last success</th><th>Failing since</th><th>Last error</th></tr>\n");
        Part(html, "Telegram", s.Telegram);
        Part(html, "Marketplace", s.Marketplace);
        Part(html, "Staff chat", s.StaffChat);
        html.Append("</table>\n<h2>Alerts</h2>\n");
        html.Append(active.Count == 0 ? "<p class=\"ok\">None.</p>\n" : "<ul>\n");
        foreach (var alert in active)
        {
            var told = alert.LastSent is null ? " <span class=\"note\">(not yet delivered to the operator chat)</span>" : "";
            html.Append(CultureInfo.InvariantCulture, $"<li><b>{E(alert.Alert.Title)}</b> since {E(Stamp(alert.Since))}{told}: {E(alert.Alert.Text)}</li>\n");
        }

        html.Append(active.Count == 0 ? "" : "</ul>\n");
        html.Append(await answers.RenderAsync(cancellationToken));
        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>Queues</h2><table>
            <tr><td>Pending deliveries</td><td>{s.Outbox.Pending}</td></tr>
            <tr><td>Oldest pending</td><td>{(s.Outbox.OldestPendingAge is { } age ? E(Durations.Format(age)) : "none")}</td></tr>
            <tr><td>Dead letters</td><td{(s.Outbox.Dead > 0 ? " class=\"bad\"" : "")}>{s.Outbox.Dead}</td></tr>
            <tr><td>Since last successful poll</td><td>{E(Durations.Format(s.PollLag))}</td></tr>
            <tr><td>Delivered / failed attempts / Telegram 429s (since start)</td><td>{s.Delivered} / {s.Failures} / {s.RateLimited}</td></tr>
            </table>
            <h2>Latest dead letters</h2>

            """);
        DeadLetters(html, dead);
        html.Append("<p><a href=\"/readyz\">/readyz</a> · <a href=\"/metrics\">/metrics</a> · <a href=\"/healthz\">/healthz</a></p>\n</body></html>\n");
        return html.ToString();
    }

    private static void DeadLetters(StringBuilder html, IReadOnlyList<DeadLetter> dead)
    {
        if (dead.Count == 0)
        {
            html.Append("<p class=\"ok\">None.</p>\n");
            return;
        }

        html.Append("<table><tr class=\"head\"><th>Id</th><th>Kind</th><th>Order or chat</th><th>Buyer</th><th>Attempts</th><th>Error</th></tr>\n");
        foreach (var d in dead)
        {
            var conversation = d.TopicLink is { } link ? $"<a href=\"{E(link)}\">{E(d.Conversation)}</a>" : E(d.Conversation);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td data-label=\"Id\">#{d.Id}</td><td data-label=\"Kind\">{E(d.Kind)}</td><td data-label=\"Order or chat\">{conversation}</td><td data-label=\"Buyer\">{E(d.BuyerName)}</td><td data-label=\"Attempts\">{d.Attempts}</td><td data-label=\"Error\" class=\"long\">{E(Secrets.Redact(d.LastError))}</td></tr>\n");
        }

        html.Append("</table>\n<p class=\"note\">Send /retry &lt;id&gt; in the operator chat to deliver one again.</p>\n");
    }

    private static void Part(StringBuilder html, string name, PartState part) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><td data-label=\"Part\">{E(name)}</td>{State(part.Ok, part.LastSuccess is null && part.LastError is null, part.NeedsOperator)}<td data-label=\"Last success\">{E(Stamp(part.LastSuccess))}</td><td data-label=\"Failing since\">{E(Stamp(part.FailingSince))}</td><td data-label=\"Last error\" class=\"long\">{E(Secrets.Redact(part.LastError))}</td></tr>\n");

    private static string State(bool ok, bool unknown = false, bool needsOperator = false) =>
        needsOperator ? "<td data-label=\"State\" class=\"bad\">needs an operator</td>"
        : unknown ? "<td data-label=\"State\" class=\"wait\">waiting</td>"
        : ok ? "<td data-label=\"State\" class=\"ok\">ok</td>" : "<td data-label=\"State\" class=\"bad\">failing</td>";

    private static string Stamp(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
