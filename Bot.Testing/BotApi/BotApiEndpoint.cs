using System.Globalization;
using Bot.Testing.BotApi.Json;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.BotApi;

/// <summary>
/// The HTTP face of the fake: POST/GET {base}/bot{token}/{method} and GET {base}/file/bot{token}/{path}.
/// Checks the token, applies injected failures, runs the method and writes the Bot API reply.
/// </summary>
internal sealed class BotApiEndpoint(
    FakeTelegramState state,
    BotApiRoutes routes,
    FailureInjector failures,
    RequestLog log,
    string token,
    CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (path.StartsWith("/file/bot", StringComparison.Ordinal))
        {
            await ServeFileAsync(context, path["/file/bot".Length..]);
            return;
        }

        if (!path.StartsWith("/bot", StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, new BotApiException(404, "Not Found"));
            return;
        }

        var (pathToken, method) = Split(path["/bot".Length..]);
        if (pathToken != token)
        {
            await WriteErrorAsync(context, new BotApiException(401, "Unauthorized"));
            return;
        }

        log.Arrived(method);
        var status = await AnswerAsync(context, method);
        log.Answered(new ApiCall(method, ChatIdOf(context), state.Now, status));
    }

    private async Task<int> AnswerAsync(HttpContext context, string method)
    {
        var aborted = context.RequestAborted;
        try
        {
            var request = await BotApiRequestReader.ReadAsync(context, method, aborted);
            context.Items[nameof(ApiCall.ChatId)] = request.String("chat_id");
            if (failures.RefusalFor(request.String("chat_id")) is { } refusal)
            {
                throw new BotApiException(refusal.ErrorCode, refusal.Description);
            }

            if (failures.TakeNext(method) is InjectedFailure failure)
            {
                switch (failure.Kind)
                {
                    case InjectedFailureKind.NetworkAbort:
                        context.Abort();
                        return 0;
                    case InjectedFailureKind.RawHttp:
                        context.Response.StatusCode = failure.ErrorCode;
                        context.Response.ContentType = "text/html";
                        await context.Response.WriteAsync(failure.Description, aborted);
                        return failure.ErrorCode;
                    case InjectedFailureKind.Error:
                        throw new BotApiException(failure.ErrorCode, failure.Description, failure.RetryAfter);
                    case InjectedFailureKind.Delay:
                        // Real time, so the client's HttpClient timeout can fire. Like Telegram, the fake does not
                        // notice that the client gave up: the call still takes effect after the delay.
                        await Task.Delay(failure.Delay, TimeProvider.System, stopping);
                        break;
                }
            }

            BlockedChats.ThrowIfBlocked(state, request);
            var handler = routes.Find(method) ?? throw new BotApiException(404, "Not Found");
            var result = await handler(request, aborted);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ApiJson.Ok(result), aborted);
            return StatusCodes.Status200OK;
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            return 0;
        }
        catch (BotApiException error)
        {
            return await WriteErrorAsync(context, error);
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException or OverflowException)
        {
            // A parameter of the wrong JSON type: Telegram answers such requests with 400 as well.
            return await WriteErrorAsync(context, BotApiException.BadRequest(error.Message));
        }
    }

    private async Task ServeFileAsync(HttpContext context, string rest)
    {
        var (pathToken, filePath) = Split(rest);
        if (pathToken != token)
        {
            await WriteErrorAsync(context, new BotApiException(401, "Unauthorized"));
            return;
        }

        log.Arrived("file");
        if (state.Files.FindByPath(filePath) is not StoredFile file)
        {
            log.Answered(new ApiCall("file", null, state.Now, await WriteErrorAsync(context, new BotApiException(404, "Not Found"))));
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = file.Bytes.Length;
        await context.Response.Body.WriteAsync(file.Bytes, context.RequestAborted);
        log.Answered(new ApiCall("file", null, state.Now, StatusCodes.Status200OK));
    }

    private static async Task<int> WriteErrorAsync(HttpContext context, BotApiException error)
    {
        context.Response.StatusCode = error.ErrorCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(ApiJson.Error(error.ErrorCode, error.Description, error.RetryAfter), context.RequestAborted);
        return error.ErrorCode;
    }

    private static (string Token, string Remainder) Split(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (path, string.Empty) : (path[..slash], path[(slash + 1)..]);
    }

    private static long? ChatIdOf(HttpContext context) =>
        context.Items[nameof(ApiCall.ChatId)] is string raw && long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
