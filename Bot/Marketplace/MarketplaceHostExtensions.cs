using Bot.Core.Marketplace;
using Bot.Core.Operations;
using Bot.Marketplace.AliExpress;
using Bot.Marketplace.Demo;
using Bot.Marketplace.Wildberries;
using Bot.Startup;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace;

internal static class MarketplaceHostExtensions
{
    /// <summary>The configured marketplace adapter and its poller.</summary>
    public static IServiceCollection AddMarketplace(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Marketplace:Provider"] ?? "AliExpress";
        var section = $"Marketplace__{provider}__";
        services.AddOptions<MarketplaceOptions>().BindConfiguration("Marketplace")
            .Validate(o => o.PollInterval > TimeSpan.Zero, $"{section}PollInterval must be positive, e.g. 00:00:15.")
            // /readyz calls the bridge not ready once no poll succeeded for ReadyMaxPollAge: an idle pace slower than that
            // would make it fail between idle polls of a healthy bridge.
            .Validate<IOptions<OperationsOptions>>(
                (o, operations) => operations.OrNull() is not { } ops || o.IdlePollInterval < ops.ReadyMaxPollAge,
                $"{section}IdlePollInterval (unless set: 8 × PollInterval, at most 2 minutes or PollInterval) must be shorter than Operations__ReadyMaxPollAge (5 minutes by default), or /readyz fails between idle polls: set a shorter IdlePollInterval or a longer ReadyMaxPollAge.")
            .ValidateOnStart();
        services.AddSingleton<PollerWakeUp>();
        services.TryAddSingleton<MarketplaceCallMeter>();
        services.AddSingleton<PollPace>();
        services.AddSingleton(sp => new MemoryTrim(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CallBudgetWatch>();
        services.AddHostedService<CallCountKeeper>(); // before the poller: the day's count is read back before its first call
        services.AddHostedService<MarketplacePoller>();
        services.AddHostedService<OrderCardWorker>();

        if (provider.Equals("AliExpress", StringComparison.OrdinalIgnoreCase))
        {
            services.AddAliExpress();
            services.AddOptions<MarketplaceOptions>().Configure<IOptions<AliExpressOptions>>((m, a) =>
            {
                if (a.OrNull() is { } aliexpress)
                {
                    m.PollInterval = aliexpress.PollInterval;
                    m.IdlePollInterval = aliexpress.IdlePollInterval ?? MarketplaceOptions.DefaultIdlePace(aliexpress.PollInterval);
                    m.ActiveFor = aliexpress.ActiveFor;
                    m.DailyCallBudget = aliexpress.DailyCallBudget;
                }
            });
        }
        else if (provider.Equals("Wildberries", StringComparison.OrdinalIgnoreCase))
        {
            services.AddWildberries();
            services.AddOptions<MarketplaceOptions>().Configure<IOptions<WildberriesOptions>>((m, w) =>
            {
                if (w.OrNull() is { } wildberries)
                {
                    m.PollInterval = wildberries.PollInterval;
                    m.IdlePollInterval = wildberries.IdlePollInterval ?? MarketplaceOptions.DefaultIdlePace(wildberries.PollInterval);
                    m.ActiveFor = wildberries.ActiveFor;
                    m.DailyCallBudget = wildberries.DailyCallBudget;
                }
            });
        }
        else if (provider.Equals("Demo", StringComparison.OrdinalIgnoreCase))
        {
            services.AddDemoMarketplace();
            services.AddOptions<MarketplaceOptions>().Configure<IOptions<DemoOptions>>((m, d) => m.PollInterval = d.OrNull()?.PollInterval ?? m.PollInterval);
        }
        else
        {
            services.AddOptions<MarketplaceOptions>().Validate(_ => false, $"Marketplace__Provider '{provider}' is not supported: set it to AliExpress or Wildberries, or to Demo to try the bridge with simulated buyers.");
        }

        return services;
    }
}
