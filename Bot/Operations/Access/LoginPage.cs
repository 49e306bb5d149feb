using System.Net;

namespace Bot.Operations.Access;

/// <summary>The sign-in form a browser gets instead of the status page while it has no session: one password field for
/// the operator token, posted to /login.</summary>
internal static class LoginPage
{
    public static IResult Render(string? error = null) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Bridge status: sign in</title>
        <style>body{"{"}font-family:system-ui,sans-serif;margin:2em{"}"} .bad{"{"}color:#b00020{"}"}</style></head><body>
        <h1>Bridge status</h1>
        <p>Enter the operator token (the bridge's <code>Operators__HttpToken</code> setting).</p>
        {(error is null ? "" : $"<p class=\"bad\">{WebUtility.HtmlEncode(error)}</p>")}
        <form method="post" action="login"><input type="password" name="token" autocomplete="current-password" required autofocus>
        <button type="submit">Sign in</button></form>
        </body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: StatusCodes.Status401Unauthorized);
}
