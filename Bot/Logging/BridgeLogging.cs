using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Logging;

/// <summary>The console log: one line per event (<see cref="BridgeLogFormatter"/>), stacks only at Debug, and the HTTP
/// resilience pipeline's per-call and per-retry lines off unless asked for (they repeat on every marketplace call).</summary>
internal static class BridgeLogging
{
    public static WebApplicationBuilder AddBridgeLogging(this WebApplicationBuilder builder)
    {
        // Logging__Console__FormatterName=json (or simple, systemd) still picks another formatter.
        if (builder.Configuration["Logging:Console:FormatterName"] is null)
        {
            builder.Logging.AddConsole(o => o.FormatterName = BridgeLogFormatter.Name);
        }

        builder.Logging.AddConsoleFormatter<BridgeLogFormatter, BridgeLogFormatterOptions>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        var level = builder.Configuration["Logging:LogLevel:Default"];
        var store = builder.Configuration["Store:Id"];
        builder.Services.PostConfigure<BridgeLogFormatterOptions>(o => o.Store = store is null or Bot.Core.Storage.StoreOptions.DefaultId ? "" : store);
        builder.Services.PostConfigure<BridgeLogFormatterOptions>(o => o.IncludeStackTraces |=
            string.Equals(level, "Debug", StringComparison.OrdinalIgnoreCase) || string.Equals(level, "Trace", StringComparison.OrdinalIgnoreCase));
        // The pipeline logs every call and every retry; the bridge's own lines say what failed. Set
        // Logging__LogLevel__Polly=Information to see them again.
        if (builder.Configuration["Logging:LogLevel:Polly"] is null)
        {
            builder.Logging.AddFilter("Polly", LogLevel.None);
        }
        return builder;
    }
}
