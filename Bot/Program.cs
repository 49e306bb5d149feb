using Bot;
using Bot.Startup;
using Bot.Stores;

// Every way of failing to start ends with one sentence per problem and a non-zero exit code, never a stack trace
// (unless the log level is Debug): 2 for a setting or the environment (port, database), 1 for anything unexpected.
WebApplication app;
IReadOnlyList<string> problems;
try
{
    var builder = BridgeApp.CreateBuilder(args);
    // Stores__Directory: one bridge per store file in this process (docs/architecture.md); else this process is one store.
    app = StoresApp.IsRequested(builder.Configuration) ? builder.AddStores().BuildStores() : builder.AddBridge().BuildBridge();
    problems = app.ValidateConfiguration();
}
catch (InvalidDataException e)
{
    await Console.Error.WriteLineAsync($"Configuration error: appsettings.json cannot be read ({e.Message.TrimEnd('.')}): fix its JSON or remove it.");
    return 2;
}
catch (Exception e)
{
    return await StartupFailure.ReportUnexpectedAsync(e, Console.Error);
}

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
catch (Exception e)
{
    return await StartupFailure.ReportUnexpectedAsync(e, Console.Error, configuration);
}
