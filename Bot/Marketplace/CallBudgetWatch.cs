using System.Globalization;
using Bot.Core.Marketplace;
using Bot.Core.Operations;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace;

/// <summary>Warns operators (the marketplace's health, hence an alert) while the day's gateway calls, counted or
/// projected at the last hour's pace, exceed <see cref="MarketplaceOptions.DailyCallBudget"/>.</summary>
internal sealed partial class CallBudgetWatch(
    MarketplaceCallMeter meter, BridgeHealth health, IOptions<MarketplaceOptions> options, ILogger<CallBudgetWatch> logger)
{
    public void Check()
    {
        var budget = options.Value.DailyCallBudget;
        var (today, projected) = meter.Read();
        var over = budget > 0 && (today > budget || projected > budget);
        var section = $"Marketplace__{options.Value.Provider}__";
        var warning = over ? Warning(today, projected, budget, section) : null;
        if (warning is not null && health.MarketplaceWarning is null)
        {
            LogOverBudget(today, projected ?? today, budget, section + "DailyCallBudget");
        }

        health.MarketplaceWarning = warning;
    }

    private static string Warning(long today, long? projected, long budget, string section)
    {
        var pace = projected is { } p && p > today ? $", {N(p)} at the last hour's pace by the end of the day" : "";
        return $"{N(today)} marketplace gateway calls today (UTC){pace}: over the daily budget of {N(budget)} " +
            $"({section}DailyCallBudget). Look for a conversation that changes all the time, or raise " +
            $"{section}IdlePollInterval or the budget.";
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marketplace gateway calls today: {Today}, projected {Projected}, over the daily budget of {Budget} ({Setting})")]
    private partial void LogOverBudget(long today, long projected, long budget, string setting);
}
