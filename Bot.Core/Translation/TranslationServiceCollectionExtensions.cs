using Bot.Core.Retention;
using Bot.Core.Runtime;
using Bot.Core.Translation.Caching;
using Bot.Core.Translation.Detection;
using Bot.Core.Translation.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Translation;

public static class TranslationServiceCollectionExtensions
{
    /// <summary>Binds and validates the "Translation" section and registers detection, the chosen provider,
    /// the SQLite cache and <see cref="ITranslationService"/>. Needs IDbConnectionFactory (storage) registered too.</summary>
    public static IServiceCollection AddTranslation(this IServiceCollection services)
    {
        services.AddOptions<TranslationOptions>().BindConfiguration(TranslationOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TranslationOptions>, TranslationOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TranslationMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Telemetry.ICounterSource, TranslationMetrics>(sp => sp.GetRequiredService<TranslationMetrics>()));
        services.TryAddSingleton<LanguageDetection>();
        services.AddTranslationCache();

        AddProviderClient<LibreTranslateTranslator>(services);
        AddProviderClient<DeepLTranslator>(services);
        AddProviderClient<YandexTranslator>(services);
        AddProviderClient<OpenAITranslator>(services);

        // The provider is chosen by configuration, which is only known once the container is built.
        services.TryAddSingleton<ITranslator>(sp => Chosen(sp) ?? throw new InvalidOperationException(
            "No translation provider is configured: set Translation__Provider to use an ITranslator."));
        services.TryAddSingleton<ITranslationService>(sp => new TranslationService(
            sp.GetRequiredService<LanguageDetection>(),
            sp.GetRequiredService<TranslationCache>(),
            sp.GetRequiredService<TranslationMetrics>(),
            sp.GetRequiredService<ILogger<TranslationService>>(),
            sp.GetRequiredService<IOptions<TranslationOptions>>().Value.Provider == TranslationProvider.None
                ? null
                : sp.GetRequiredService<ITranslator>()));
        return services;
    }

    private static ITranslator? Chosen(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<TranslationOptions>>().Value.Provider switch
        {
            TranslationProvider.LibreTranslate => sp.GetRequiredService<LibreTranslateTranslator>(),
            TranslationProvider.DeepL => sp.GetRequiredService<DeepLTranslator>(),
            TranslationProvider.Yandex => sp.GetRequiredService<YandexTranslator>(),
            TranslationProvider.OpenAI => sp.GetRequiredService<OpenAITranslator>(),
            _ => null,
        };

    /// <summary>The translation cache and its retention.</summary>
    public static IServiceCollection AddTranslationCache(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TranslationCache>();
        services.AddRetentionTarget<TranslationCache>();
        return services;
    }

    /// <summary>Texts pass untranslated unless <see cref="AddTranslation"/> registered a translator.</summary>
    public static IServiceCollection AddPassThroughTranslation(this IServiceCollection services)
    {
        services.TryAddSingleton<ITranslationService, PassThroughTranslationService>();
        return services;
    }

    private static void AddProviderClient<TTranslator>(IServiceCollection services)
        where TTranslator : class, ITranslator =>
        services.AddPlainHttpClient<TTranslator, TTranslator>((sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<TranslationOptions>>().Value.Timeout)
            // The translator lives in a singleton, so the client is never renewed by the factory: let the
            // connection pool recycle connections instead, so DNS changes are still picked up.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
}
