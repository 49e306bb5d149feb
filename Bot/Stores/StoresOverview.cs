using Bot.Operations.Access;
using Microsoft.Extensions.Options;

namespace Bot.Stores;

/// <summary>/stores on the process's own address: every store with its state, since when, its problems, its addresses
/// and, while it runs, whether it is ready (its own /readyz checks). Behind the process's operator token like a
/// store's /metrics; each store's own pages keep its own token. /healthz answers "ok" while the process runs.</summary>
internal static class StoresOverview
{
    public static WebApplication MapStoresOverview(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/stores", async (HttpContext context, OperatorAccess access, StoreSupervisor supervisor, IOptions<StoresOptions> options) =>
        {
            if (!access.IsAuthorized(context))
            {
                return OperatorAccessEndpoints.BearerChallenge(context);
            }

            var stores = await Task.WhenAll(supervisor.Stores().Select(s => DescribeAsync(s, supervisor, options.Value.ReadinessTimeout, context.RequestAborted)));
            return Results.Json(new { stores });
        });
        return app;
    }

    private static async Task<object> DescribeAsync(StoreStatus store, StoreSupervisor supervisor, TimeSpan timeout, CancellationToken cancellationToken)
    {
        bool? ready = null;
        Dictionary<string, object>? checks = null;
        if (store.State == StoreState.Running && supervisor.Runner(store.Id) is { } runner)
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(timeout);
            try
            {
                if (await runner.ReadinessAsync(bound.Token) is { } report)
                {
                    ready = report.Ready;
                    checks = report.Checks.ToDictionary(c => c.Name, c => (object)new { ok = c.Ok, detail = c.Detail });
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                ready = false; // Its checks did not answer in time.
            }
        }

        return new
        {
            id = store.Id,
            file = store.File,
            state = store.State.ToString().ToLowerInvariant(),
            since = store.Since,
            ready,
            urls = store.Urls,
            problems = store.Problems,
            checks,
        };
    }
}
