using Bot.Core.Storage;
using Bot.Core.Translation;
using Bot.Marketplace;
using Bot.Operations;
using Bot.Relay;
using Bot.Storage;
using Bot.Telegram;
using Microsoft.Extensions.Options;

namespace Bot;

/// <summary>The bridge's composition, shared by Program and the end-to-end tests.</summary>
public static class BridgeApp
{
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    /// <summary>Registers every part of the bridge; configuration must be complete before this is called.</summary>
    public static WebApplicationBuilder AddBridge(this WebApplicationBuilder builder)
    {
        builder.Services.AddStorageHost();
        builder.Services.AddTranslation();
        builder.Services.AddTelegram();
        builder.Services.AddRelayHost();
        builder.Services.AddMarketplace(builder.Configuration);
        builder.Services.AddOperations();
        return builder;
    }

    /// <summary>Checks every validated setting now, so a bad configuration ends the process with the validators'
    /// sentences instead of a stack trace.</summary>
    /// <returns>The problems, one sentence each; empty when the configuration is usable.</returns>
    public static IReadOnlyList<string> ValidateConfiguration(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException e)
        {
            return e.Failures.Distinct().ToList();
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            return e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures).Distinct().ToList();
        }
    }

    public static WebApplication BuildBridge(this WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.MapOperatorEndpoints();
        return app;
    }
}
