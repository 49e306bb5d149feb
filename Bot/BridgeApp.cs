using Bot.Core;
using Bot.Core.Translation;
using Bot.Logging;
using Bot.Marketplace;
using Bot.Marketplace.AliExpress;
using Bot.Export;
using Bot.Media;
using Bot.Operations;
using Bot.Outbox;
using Bot.Startup;
using Bot.Storage;
using Bot.TelegramApi;
using Bot.Drafts;
using Bot.Workflow;

namespace Bot;

/// <summary>The bridge's composition, shared by Program and the end-to-end tests.</summary>
public static class BridgeApp
{
    /// <summary>The slim web builder with the defaults an operator may rely on (<see cref="WebDefaults"/>).</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebDefaults.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    /// <summary>Registers every part of the bridge; configuration must be complete before this is called.</summary>
    public static WebApplicationBuilder AddBridge(this WebApplicationBuilder builder)
    {
        builder.AddBridgeLogging();
        builder.Services.AddHostedService<ExporterActivation>();
        builder.Services.AddStorageHost();
        builder.Services.AddTranslation();
        builder.Services.AddTelegram();
        builder.Services.AddBridgeCore();
        builder.Services.AddMedia();
        builder.Services.AddPdfExport(builder.Configuration);
        builder.Services.AddOutboxHost();
        builder.Services.AddMarketplace(builder.Configuration);
        builder.Services.AddOperations();
        builder.Services.AddWorkflowHost();
        builder.Services.AddDraftsHost();
        return builder;
    }

    /// <summary>Checks every validated setting now, so a bad configuration ends the process with the validators'
    /// sentences instead of a stack trace. Nothing that reads a setting may be resolved before this.</summary>
    /// <returns>The problems, one sentence each; empty when the configuration is usable.</returns>
    public static IReadOnlyList<string> ValidateConfiguration(this WebApplication app) => ConfigurationCheck.Problems(app.Services, app.Configuration);

    public static WebApplication BuildBridge(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(OptionsTypes.Of(builder.Services));
        var app = builder.Build();
        app.MapOperatorEndpoints();
        app.MapExportEndpoints();
        app.MapAliExpressCallback();
        return app;
    }
}
