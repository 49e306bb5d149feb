namespace Bot.Operations;

internal static class OperatorEndpoints
{
    public static WebApplication MapOperatorEndpoints(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }
}
