using Bot.Core.Marketplace;

namespace Bot.Marketplace.AliExpress;

/// <summary><c>GET /aliexpress/callback?code=…&amp;state=…</c>: where the platform sends the seller's browser after
/// consent. Open (the browser carries no operator token) but protected by <c>state</c>: a callback without this
/// bridge's state value is refused before the code is used.</summary>
internal static class AliExpressCallbackEndpoint
{
    public const string Path = "/aliexpress/callback";

    public static WebApplication MapAliExpressCallback(this WebApplication app)
    {
        if (app.Services.GetService<AliExpressConnect>() is null)
        {
            return app;
        }

        app.MapGet(Path, async (string? code, string? state, AliExpressConnect connect, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            if (!connect.IsOurs(state))
            {
                return Results.Text("This authorization was not started by this bridge. Send /connect in the operator chat for the right link.",
                    statusCode: StatusCodes.Status403Forbidden);
            }

            if (string.IsNullOrWhiteSpace(code))
            {
                return Results.Text("AliExpress sent no authorization code (was the authorization cancelled?). Send /connect in the operator chat to try again.",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            try
            {
                await connect.ExchangeAsync(code, context.RequestAborted);
                return Results.Text("The bridge is connected to your AliExpress store. You can close this page.");
            }
            catch (MarketplaceException e)
            {
                return Results.Text($"The store is not connected: AliExpress refused the code ({e.Code ?? e.Kind.ToString()}). Send /connect in the operator chat for a new link.",
                    statusCode: StatusCodes.Status502BadGateway);
            }
        });
        return app;
    }
}
