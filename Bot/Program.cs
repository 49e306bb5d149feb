using Bot;

var builder = BridgeApp.CreateBuilder(args).AddBridge();
await builder.BuildBridge().RunAsync();
