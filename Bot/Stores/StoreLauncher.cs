using System.Text.Json;

namespace Bot.Stores;

/// <summary>Builds one store's bridge from its file: the process's own configuration (appsettings.json, environment,
/// command line) with the store's file laid over it and <c>Store__Id</c> set to the file's name, composed exactly as a
/// one-store process is (<see cref="BridgeApp.AddBridge"/>), so every part of it is the store's own, but for its bot's
/// updates and send budget, which are the process's for all stores of the bot (<see cref="SharedBots"/>). Nothing starts
/// here; a file or a setting that cannot work is a list of sentences instead of a bridge.</summary>
internal sealed class StoreLauncher(IConfiguration shared, Bot.Marketplace.MemoryTrim memory, SharedBots bots, Action<StoreFile, WebApplicationBuilder>? configure = null)
{
    public StoreBuild Build(StoreFile file)
    {
        IConfigurationRoot own;
        try
        {
            own = new ConfigurationBuilder().AddJsonStream(new MemoryStream(file.Content)).Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or JsonException)
        {
            return StoreBuild.Refused($"The file {file.Name} cannot be read as JSON ({Innermost(e).Message.TrimEnd('.')}): fix it; the store starts once it is saved.");
        }

        var problems = new List<string>();
        if (own["Store:Id"] is { } id && !string.Equals(id, file.StoreId, StringComparison.Ordinal))
        {
            problems.Add($"The file {file.Name} sets Store__Id to '{id}', but a store's id is the name of its file: remove Store__Id from it, or rename the file.");
        }

        if (string.IsNullOrWhiteSpace(own["Urls"]))
        {
            problems.Add($"The file {file.Name} does not set Urls: give each store an address of its own for its status page and /metrics (for example \"Urls\": \"http://127.0.0.1:8081\").");
        }

        if (problems.Count > 0)
        {
            return StoreBuild.Refused([.. problems]);
        }

        var builder = BridgeApp.CreateBuilder([]);
        builder.Configuration.AddConfiguration(shared);
        builder.Configuration.AddJsonStream(new MemoryStream(file.Content));
        builder.Configuration.AddInMemoryCollection([new("Store:Id", file.StoreId)]);
        builder.AddBridge();
        builder.Services.AddSingleton<IHostLifetime, StoreLifetime>();
        builder.Services.AddSingleton(memory); // the process's collector: one store's idle trim serves all
        if (SharedBots.BotId(builder.Configuration["Telegram:BotToken"]) is { } bot)
        {
            bots.Compose(builder.Services, file.StoreId, bot); // the process polls each bot once, for all its stores
        }

        configure?.Invoke(file, builder);
        var app = builder.BuildBridge();
        return new StoreBuild(app, []);
    }

    private static Exception Innermost(Exception error) => error.InnerException is { } inner ? Innermost(inner) : error;
}

/// <summary>A store's bridge, built but not started, or the sentences that say why it cannot be.</summary>
internal sealed record StoreBuild(WebApplication? App, IReadOnlyList<string> Problems)
{
    public static StoreBuild Refused(params string[] problems) => new(null, problems);
}
