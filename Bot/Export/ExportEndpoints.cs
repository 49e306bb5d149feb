using Bot.Core.Export;
using Bot.Operations.Access;

namespace Bot.Export;

/// <summary>GET /export/{order or chat id}.{html|pdf} on the status server: a conversation's transcript as a download,
/// for operators only (the operator token as a bearer header, or the status page's session).</summary>
internal static class ExportEndpoints
{
    public static WebApplication MapExportEndpoints(this WebApplication app)
    {
        app.MapGet("/export/{id}.{format}", async (string id, string format, TranscriptReader reader, TranscriptExport export, OperatorAccess access, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            if (!access.IsAuthorized(context))
            {
                return OperatorAccessEndpoints.BearerChallenge(context);
            }

            if (export.Format(format) is not { } renderer)
            {
                return Results.Text($"Unknown format “{format}”: ask for {string.Join(" or ", export.Formats.Select(f => "." + f.Extension))}.\n", statusCode: StatusCodes.Status404NotFound);
            }

            return await reader.ReadByExternalIdAsync(id, context.RequestAborted) is { } transcript
                ? Results.File(renderer.Render(transcript), renderer.MediaType, $"{transcript.FileStem}.{renderer.Extension}")
                : Results.Text($"No order or chat {id} is known to the bridge.\n", statusCode: StatusCodes.Status404NotFound);
        });
        return app;
    }
}
