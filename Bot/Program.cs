using Bot;

var app = BridgeApp.CreateBuilder(args).AddBridge().BuildBridge();
var problems = app.ValidateConfiguration();
if (problems.Count > 0)
{
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync($"Configuration error: {problem}");
    }

    return 2;
}

await app.RunAsync();
return 0;
