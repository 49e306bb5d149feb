using Bot.Operations.Access;

namespace Bot.Operations;

/// <summary>/healthz (open: it says only "ok"), /readyz (open for probes, but the checks' details only with the
/// operator token), /metrics (token as a bearer header) and the status page at "/" (token, or the session cookie of
/// the sign-in form). Without a configured token the bridge listens on loopback only and everything is open.</summary>
internal static class OperatorEndpoints
{
    public static WebApplication MapOperatorEndpoints(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (ReadinessCheck readiness, OperatorAccess access, HttpContext context) =>
        {
            var report = await readiness.CheckAsync(context.RequestAborted);
            var status = report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            var body = new
            {
                status = report.Ready ? "ready" : "not ready",
                paused = report.Paused,
                checks = report.Checks.ToDictionary(c => c.Name, c => new { ok = c.Ok, detail = c.Detail }),
            };
            return access.IsAuthorized(context) ? Results.Json(body, statusCode: status) : Results.Json(new { body.status }, statusCode: status);
        });
        app.MapGet("/metrics", async (HttpContext context, OperatorAccess access, PrometheusExporter exporter) =>
        {
            if (!access.IsAuthorized(context))
            {
                return OperatorAccessEndpoints.BearerChallenge(context);
            }

            using var buffer = new MemoryStream();
            await exporter.Registry.CollectAndExportAsTextAsync(buffer, context.RequestAborted);
            return Results.Bytes(buffer.ToArray(), "text/plain; version=0.0.4; charset=utf-8");
        });
        app.MapGet("/", async (StatusPage page, OperatorAccess access, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return access.IsAuthorized(context)
                ? Results.Content(await page.RenderAsync(context.RequestAborted), "text/html; charset=utf-8")
                : LoginPage.Render();
        });
        app.MapOperatorLogin();
        return app;
    }
}
