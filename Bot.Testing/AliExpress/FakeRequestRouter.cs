using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.AliExpress;

/// <summary>Reads a <c>/sync</c> request (query and form), applies injected faults, checks the system parameters and dispatches.</summary>
internal sealed class FakeRequestRouter
{
    private readonly FakeAliExpressState _state;
    private readonly FakeAliExpressServerOptions _options;
    private readonly TimeProvider _time;
    private readonly FakeResponseWriter _writer;
    private readonly FakeAuthHandlers _auth;
    private readonly Dictionary<string, Func<IReadOnlyDictionary<string, string>, JsonObject>> _methods;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> _overrides = new();
    private readonly FakeImageHandler _images;

    public FakeRequestRouter(FakeAliExpressState state, FakeAliExpressServerOptions options, TimeProvider time)
    {
        _state = state;
        _options = options;
        _time = time;
        _writer = new FakeResponseWriter(options);
        _auth = new FakeAuthHandlers(options, _writer, time);
        var listings = new FakeListingHandlers(state, _writer, options);
        var writes = new FakeWriteHandlers(state, _writer, options);
        _images = new FakeImageHandler(state, _writer);
        _methods = new()
        {
            [FakeListingHandlers.Relations] = listings.ListRelations,
            [FakeListingHandlers.Details] = listings.ListDetails,
            [FakeWriteHandlers.AddMessage] = writes.Add,
            [FakeWriteHandlers.LeaveOrderMessage] = writes.Leave,
            [FakeWriteHandlers.MarkRead] = writes.Read,
            [FakeProcessedHandler.Method] = new FakeProcessedHandler(state, _writer).Handle,
        };
        FakeImRoutes.Add(_methods, state, _writer, options);

        var orders = new FakeOrderHandlers(state, _writer);
        _methods[FakeOrderHandlers.FindOrder] = orders.Find;
        _methods[FakeOrderHandlers.OrderIssues] = orders.Issues;
    }

    public FakeAuthHandlers Auth => _auth;

    public void Override(string method, JsonObject answer) => _overrides.GetOrAdd(method, _ => new()).Enqueue(answer);

    /// <summary><c>POST /rest/{path}</c>: the token APIs, signed with the path in front.</summary>
    public async Task HandleRestAsync(HttpContext context, string path)
    {
        var parameters = await ReadAsync(context);
        var apiPath = "/" + path;
        if (await FaultedAsync(context, apiPath))
        {
            return;
        }

        var rejection = FakeRequestVerifier.Check(parameters, _options, _time, acceptsSession: null, apiPath);
        var answer = rejection is { } error ? _writer.Error(error.Code, null, error.Message, topLevel: true) : _auth.Handle(apiPath, parameters);
        await WriteJsonAsync(context, 200, answer);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var parameters = await ReadAsync(context);
        var method = parameters.GetValueOrDefault("method") ?? "";
        if (await FaultedAsync(context, method))
        {
            return;
        }

        var rejection = FakeRequestVerifier.Check(parameters, _options, _time, _auth.Accepts, FakeImRoutes.SignPrefix(method, _options));
        JsonObject answer = rejection is { } error
            ? _writer.Error(error.Code, null, error.Message, topLevel: false)
            : _overrides.TryGetValue(method, out var queue) && queue.TryDequeue(out var overridden) ? overridden
            : method == FakeImageHandler.UploadTempImage ? await _images.UploadAsync(parameters, context.Request.HasFormContentType ? context.Request.Form.Files.GetFile("file_data") : null)
            : _methods.TryGetValue(method, out var handler) ? handler(parameters)
            : _writer.Error("InvalidApiPath", null, $"The specified API {method} does not exist", topLevel: false);
        await WriteJsonAsync(context, 200, answer);
    }

    private static async Task<Dictionary<string, string>> ReadAsync(HttpContext context)
    {
        var parameters = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        if (context.Request.HasFormContentType)
        {
            foreach (var field in await context.Request.ReadFormAsync(context.RequestAborted))
            {
                parameters[field.Key] = field.Value.ToString();
            }
        }

        return parameters;
    }

    /// <summary>Counts the call and answers an injected fault, if one is queued (true: answered).</summary>
    private async Task<bool> FaultedAsync(HttpContext context, string method)
    {
        _state.Calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        _state.ContentTypes[method] = context.Request.ContentType ?? "";
        if ((NextFault(method) ?? _state.Refusals.GetValueOrDefault(method)) is not { } fault)
        {
            return false;
        }

        if (fault.Delay is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted);
            return false;
        }

        await WriteFaultAsync(context, method, fault);
        return true;
    }

    private FakeFault? NextFault(string method)
    {
        foreach (var key in new[] { method, "*" })
        {
            if (_state.Faults.TryGetValue(key, out var queue) && queue.TryDequeue(out var fault))
            {
                return fault;
            }
        }

        return null;
    }

    private async Task WriteFaultAsync(HttpContext context, string method, FakeFault fault)
    {
        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        if (fault.RawBody is not null)
        {
            context.Response.StatusCode = fault.StatusCode;
            context.Response.ContentType = fault.RawContentType ?? "text/plain";
            await context.Response.WriteAsync(fault.RawBody, context.RequestAborted);
            return;
        }

        var answer = fault.NotSuccessMessage is { } notSuccess
            ? _writer.Result(method, new JsonObject { ["is_success"] = false, ["error_code"] = 16_000_001, ["error_msg"] = notSuccess })
            : _writer.Error(fault.ErrorCode ?? "isp.unknown-error", fault.SubCode, fault.Message ?? "error", fault.TopLevelShape);
        await WriteJsonAsync(context, fault.StatusCode, answer);
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonObject answer)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }
}
