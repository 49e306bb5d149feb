using Bot.Core.Storage;
using Bot.Marketplace;
using Bot.Operations;
using Bot.Relay;
using Bot.Telegram;

namespace Bot;

/// <summary>The bridge's composition, shared by Program and the end-to-end tests.</summary>
public static class BridgeApp
{
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    /// <summary>Registers every part of the bridge; configuration must be complete before this is called.</summary>
    public static WebApplicationBuilder AddBridge(this WebApplicationBuilder builder)
    {
        builder.Services.AddStorage();
        builder.Services.AddTelegram();
        builder.Services.AddRelayHost();
        builder.Services.AddMarketplace(builder.Configuration);
        return builder;
    }

    public static WebApplication BuildBridge(this WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.MapOperatorEndpoints();
        return app;
    }
}
