using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Translation;

/// <summary>The parts of a fake provider's answer that do not depend on the provider.</summary>
internal static class FakeProviderResponses
{
    /// <summary>Null when the request should be translated; otherwise the answer for the current mode or problem.</summary>
    public static async Task<IResult?> PreflightAsync(FakeTranslationApi api, int problemsBefore, object rateLimitBody, HttpContext context)
    {
        if (api.Problems.Count > problemsBefore)
        {
            return Results.BadRequest(new { error = "request does not match the API" });
        }

        switch (api.Mode)
        {
            case FakeMode.TooManyRequests:
                context.Response.Headers.RetryAfter = "2";
                return Results.Json(rateLimitBody, statusCode: StatusCodes.Status429TooManyRequests);
            case FakeMode.Garbage:
                return Results.Content("<html><body>502 Bad Gateway</body></html>", "text/html");
            case FakeMode.ServerError:
                return Results.Json(new { error = new { message = "The server had an error while processing your request.", type = "server_error" } }, statusCode: StatusCodes.Status500InternalServerError);
            case FakeMode.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
            default:
                return null;
        }
    }
}
