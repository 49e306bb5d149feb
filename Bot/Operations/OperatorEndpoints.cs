using Prometheus;

namespace Bot.Operations;

internal static class OperatorEndpoints
{
    public static WebApplication MapOperatorEndpoints(this WebApplication app)
    {
        // Created now, not at the first scrape, so that the meter adapter counts from the start.
        var exporter = app.Services.GetRequiredService<PrometheusExporter>();

        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (ReadinessCheck readiness, CancellationToken cancellationToken) =>
        {
            var report = await readiness.CheckAsync(cancellationToken);
            var body = new
            {
                status = report.Ready ? "ready" : "not ready",
                paused = report.Paused,
                checks = report.Checks.ToDictionary(c => c.Name, c => new { ok = c.Ok, detail = c.Detail }),
            };
            return Results.Json(body, statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await exporter.Registry.CollectAndExportAsTextAsync(buffer, context.RequestAborted);
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            buffer.Position = 0;
            await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        app.MapGet("/", async (StatusPage page, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Content(await page.RenderAsync(context.RequestAborted), "text/html; charset=utf-8");
        });
        return app;
    }
}
