namespace Bot.Operations.Access;

/// <summary>POST /login (the form of <see cref="LoginPage"/>) and the 401 answers of the protected endpoints.</summary>
internal static class OperatorAccessEndpoints
{
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(7);

    public static WebApplication MapOperatorLogin(this WebApplication app)
    {
        app.MapPost("/login", async (HttpContext context, OperatorAccess access) =>
        {
            if (!access.Required)
            {
                return SeeOther(context);
            }

            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            if (!access.IsToken(form?["token"].ToString()))
            {
                return LoginPage.Render("Wrong token.");
            }

            context.Response.Cookies.Append(OperatorAccess.CookieName, access.SessionValue(), new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                MaxAge = SessionLifetime,
            });
            return SeeOther(context);
        });
        return app;
    }

    // 303: the browser follows with a GET of the status page.
    private static IResult SeeOther(HttpContext context)
    {
        context.Response.Headers.Location = "./";
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>401 for a client without the token: Prometheus and scripts are told to bring a bearer token.</summary>
    public static IResult BearerChallenge(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"bridge\"";
        return Results.Text("Unauthorized: send the operator token as 'Authorization: Bearer <token>'.\n", statusCode: StatusCodes.Status401Unauthorized);
    }
}
