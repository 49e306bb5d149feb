using Bot.Core.Marketplace;
using Bot.Core.Operations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Bot.Marketplace.AliExpress;

public static class AliExpressHostExtensions
{
    /// <summary>Registers the AliExpress adapter as the <see cref="IMarketplaceClient"/>: options from
    /// <c>Marketplace:AliExpress</c> validated at start, and a named HTTP client behind the standard resilience handler.</summary>
    /// <param name="configureResilience">Adjusts the resilience handler (tests shorten its delays).</param>
    public static IServiceCollection AddAliExpress(this IServiceCollection services, Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        services.AddOptions<AliExpressOptions>().BindConfiguration(AliExpressOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AliExpressOptions>, AliExpressOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<MarketplaceCallMeter>();
        services.AddTransient<AliExpressCallCounter>();
        var client = services.AddHttpClient(IopClient.HttpClientName);
        client.AddStandardResilienceHandler(resilience =>
            {
                // Retries 5xx, 408, 429 and timeouts, honouring Retry-After (ShouldRetryAfterHeader is on by default);
                // never a request that posts something, which has no idempotency key on the platform.
                resilience.Retry.ShouldHandle = args =>
                    args.Context.GetRequestMessage()?.Options.TryGetValue(IopClient.NoRetry, out var noRetry) == true && noRetry
                        ? PredicateResult.False()
                        : new ValueTask<bool>(HttpClientResiliencePredicates.IsTransient(args.Outcome));
                configureResilience?.Invoke(resilience);
            });

        // Inside the resilience handler: every attempt is counted.
        client.AddHttpMessageHandler<AliExpressCallCounter>();

        services.AddSingleton<AliExpressTokens>();
        services.AddSingleton<AliExpressAuthClient>();
        services.AddSingleton<AliExpressConnect>();
        services.AddSingleton<IOperatorCommand, ConnectCommand>();
        services.AddHostedService<AliExpressTokenRefresher>();
        services.AddSingleton<AliExpressSelfCheck>();
        services.AddSingleton<AliExpressSelfCheckSignal>();
        services.AddSingleton<IOperatorCommand, SelfCheckCommand>();
        services.AddHostedService<AliExpressSelfCheckRunner>();
        services.AddSingleton<IopClient>();
        services.AddSingleton<AliExpressPageSizes>();
        services.AddSingleton<AliExpressMessageMapper>();
        services.AddSingleton<AliExpressRelationLister>();
        services.AddSingleton<AliExpressDetailReader>();
        services.AddSingleton<AliExpressFetcher>();
        services.AddSingleton<AliExpressMessageFamily>();
        services.AddSingleton<AliExpressImCaller>();
        services.AddSingleton<AliExpressImSessionLister>();
        services.AddSingleton<AliExpressImMessageReader>();
        services.AddSingleton<AliExpressImFetcher>();
        services.AddSingleton<AliExpressImSender>();
        services.AddSingleton<AliExpressVersionTwoSender>();
        services.AddSingleton<AliExpressConversationMarks>();
        services.AddSingleton<AliExpressOrderReader>();
        services.AddSingleton<AliExpressMarketplaceClient>();
        services.AddSingleton<IMarketplaceClient>(sp => sp.GetRequiredService<AliExpressMarketplaceClient>());
        return services;
    }
}
