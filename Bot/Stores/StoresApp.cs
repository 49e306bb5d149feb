using Bot.Logging;
using Bot.Operations.Access;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Stores;

/// <summary>The composition of a process that serves several stores (<c>Stores__Directory</c> set): no bridge of its
/// own, but one per store file (<see cref="StoreSupervisor"/>), each composed by <see cref="BridgeApp"/> as a one-store
/// process is, and the overview /stores on the process's own address (<c>Urls</c>).</summary>
public static class StoresApp
{
    /// <summary>Whether the configuration asks for several stores in this process.</summary>
    public static bool IsRequested(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Stores:Directory"]);

    /// <param name="builder">The process's builder; its configuration is what every store's file is laid over.</param>
    /// <param name="configureStore">Changes a store's composition after <see cref="BridgeApp.AddBridge"/> (tests).</param>
    public static WebApplicationBuilder AddStores(this WebApplicationBuilder builder, Action<StoreFile, WebApplicationBuilder>? configureStore = null)
    {
        builder.AddBridgeLogging();
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StoresOptions>().BindConfiguration("Stores").ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoresOptions>, StoresOptionsValidator>();
        services.AddOptions<OperatorHttpOptions>().BindConfiguration("Operators").ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperatorHttpOptions>, OperatorHttpOptionsValidator>();
        services.AddSingleton<OperatorAccess>();
        services.AddSingleton(sp => new Bot.Marketplace.MemoryTrim(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SharedBots>();
        services.AddSingleton(sp => new StoreLauncher(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<Bot.Marketplace.MemoryTrim>(), sp.GetRequiredService<SharedBots>(), configureStore));
        services.AddSingleton<StoreSupervisor>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreSupervisor>());
        // Each store drains within its own host's timeout (30 s unless set); the process waits a little longer for them.
        services.Configure<HostOptions>(o => o.ShutdownTimeout += TimeSpan.FromSeconds(5));
        return builder;
    }

    public static WebApplication BuildStores(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(Startup.OptionsTypes.Of(builder.Services));
        var app = builder.Build();
        app.MapStoresOverview();
        return app;
    }
}
