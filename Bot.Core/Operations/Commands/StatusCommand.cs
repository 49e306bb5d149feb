using System.Text;
using Bot.Core.Chat;
using Bot.Core.Formatting;
using Bot.Core.Leases;
using Bot.Core.Logging;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Operations.Alerts;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Operations.Commands;

/// <summary>/status: the store (when named), each part's state, the queues and the alerts that hold.</summary>
public sealed class StatusCommand(
    StatusReader status, AlertMonitor alerts, ISetAsideRepository setAside, InstanceLeases leases, IOptions<StoreOptions> store) : IOperatorCommand
{
    public string Name => "status";

    public string Help => "/status: the bridge at a glance";

    public async Task<string> RunAsync(IncomingChatMessage message, string arguments, CancellationToken cancellationToken)
    {
        var s = await status.ReadAsync(cancellationToken);
        var text = new StringBuilder();
        if (store.Value.IsNamed)
        {
            text.Append($"🏪 Store <b>{Html.Escape(store.Value.Id)}</b>\n");
        }

        if (s.MarketplaceNotice is { } notice)
        {
            text.Append($"🧪 {Html.Escape(notice)}\n");
        }

        text.Append(s.Paused ? "⏸ <b>Paused</b> by an operator (/resume to continue)\n" : "▶️ <b>Running</b>\n");
        Part(text, "Telegram", s.Telegram, s.At);
        Part(text, "Marketplace", s.Marketplace, s.At);
        Part(text, "Staff chat", s.StaffChat, s.At);
        text.Append($"📬 Pending: {s.Outbox.Pending}");
        if (s.Outbox.OldestPendingAge is { } age)
        {
            text.Append($" (oldest {Durations.Format(age)})");
        }

        text.Append($"\n💀 Dead letters: {s.Outbox.Dead}\n⏱ Last poll: {Durations.Format(s.PollLag)} ago\n");
        var malformed = await setAside.CountAsync(cancellationToken);
        text.Append(malformed == 0 ? "" : $"🧪 Malformed marketplace items set aside: {malformed} (/setaside)\n");
        text.Append($"Delivered {s.Delivered}, failed attempts {s.Failures}, Telegram 429s {s.RateLimited} since start\n");
        if (await leases.OverviewAsync(cancellationToken) is { } overview)
        {
            text.Append(InstancesLine(overview));
        }

        var active = alerts.Active;
        text.Append(active.Count == 0 ? "No alerts." : "Alerts: " + string.Join(", ", active.Select(a => Html.Escape(a.Alert.Title))));
        return text.ToString();
    }

    /// <summary>With several instances on one database: which one this is, and who polls and receives.</summary>
    private static string InstancesLine(LeaseOverview overview)
    {
        string Holder(string lease) => overview.Holders.TryGetValue(lease, out var holder) ? Html.Escape(holder) : "nobody yet";
        return $"🖥 Instance {Html.Escape(overview.InstanceId)} of {overview.Instances.Count} live; marketplace polled by " +
            $"{Holder(LeaseNames.MarketplacePoll)}, Telegram updates received by {Holder(LeaseNames.TelegramUpdates)}\n";
    }

    private static void Part(StringBuilder text, string name, PartState part, DateTimeOffset now)
    {
        var icon = part.Ok ? "✅" : part.LastSuccess is null && part.LastError is null ? "⏳" : "❌";
        text.Append($"{icon} {name}");
        if (part.Ok && part.LastSuccess is { } ok)
        {
            text.Append($": ok {Durations.Format(now - ok)} ago");
        }
        else if (part.LastError is { } error)
        {
            text.Append($": {Html.Escape(Secrets.Redact(error))}");
        }

        text.Append('\n');
    }
}
