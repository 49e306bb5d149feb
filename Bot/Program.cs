using Bot;
using Bot.Startup;

// Every way of failing to start ends with one sentence per problem and exit code 2, never a stack trace.
WebApplication app;
try
{
    app = BridgeApp.CreateBuilder(args).AddBridge().BuildBridge();
}
catch (InvalidDataException e)
{
    await Console.Error.WriteLineAsync($"Configuration error: appsettings.json cannot be read ({e.Message.TrimEnd('.')}): fix its JSON or remove it.");
    return 2;
}

var problems = app.ValidateConfiguration();
if (problems.Count > 0)
{
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync($"Configuration error: {problem}");
    }

    return 2;
}

// Read now: once the host has stopped, its services (the configuration among them) are disposed.
var configuration = app.Configuration;
try
{
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.Describe(e, configuration) is { } sentence)
{
    await Console.Error.WriteLineAsync($"Cannot start: {sentence}");
    return 2;
}
