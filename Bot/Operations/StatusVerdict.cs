using Bot.Core.Operations;
using Bot.Core.Operations.Alerts;

namespace Bot.Operations;

/// <summary>The status page's headline: the worst state of any part, check or alert, and what is wrong, in words.</summary>
/// <param name="Problems">What is wrong, most actionable first: each alert, then each failing check no alert covers.</param>
internal sealed record StatusVerdict(StatusLevel Level, IReadOnlyList<(string Title, string Text)> Problems)
{
    public string Headline => Level switch
    {
        StatusLevel.NeedsOperator => "needs an operator",
        StatusLevel.Failing => "not ready",
        StatusLevel.Starting => "starting",
        _ => "ready",
    };

    public string CssClass => Level switch
    {
        StatusLevel.NeedsOperator or StatusLevel.Failing => "bad",
        StatusLevel.Starting => "wait",
        _ => "ok",
    };

    public static StatusVerdict Of(BridgeSnapshot s, ReadinessReport ready, IReadOnlyList<ActiveAlert> alerts)
    {
        var level = StatusLevel.Ready;
        var problems = new List<(string Title, string Text)>();
        foreach (var (name, part) in new[] { ("Telegram", s.Telegram), ("Marketplace", s.Marketplace), ("Staff chat", s.StaffChat) })
        {
            if (part.NeedsOperator)
            {
                level = Max(level, StatusLevel.NeedsOperator);
            }
            else if (!part.Ok)
            {
                level = Max(level, part.LastError is null ? StatusLevel.Starting : StatusLevel.Failing);
            }
        }

        foreach (var alert in alerts)
        {
            level = StatusLevel.NeedsOperator;
            problems.Add((alert.Alert.Title, alert.Alert.Text));
        }

        foreach (var check in ready.Checks.Where(c => !c.Ok))
        {
            level = Max(level, check.Detail.Contains(" yet", StringComparison.Ordinal) && !check.Detail.Contains(':', StringComparison.Ordinal) ? StatusLevel.Starting : StatusLevel.Failing);
            if (!alerts.Any(a => CheckOf(a.Alert.Key) == check.Name))
            {
                problems.Add((check.Name, check.Detail));
            }
        }

        return new StatusVerdict(level, problems);
    }

    private static string? CheckOf(string alertKey) => alertKey switch
    {
        AlertRules.MarketplaceAuthorization or AlertRules.MarketplacePolling => "marketplace",
        AlertRules.Telegram or AlertRules.TelegramToken => "telegram",
        AlertRules.StaffChat => "staff_chat",
        _ => null,
    };

    private static StatusLevel Max(StatusLevel a, StatusLevel b) => a > b ? a : b;
}
