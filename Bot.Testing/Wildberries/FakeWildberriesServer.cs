using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Bot.Testing.Wildberries;

/// <summary>A fake of the Wildberries buyer-chat API (buyer-chat-api.wildberries.ru) on 127.0.0.1, over real HTTP:
/// <c>/ping</c>, <c>/api/v1/seller/chats</c>, <c>/api/v1/seller/events?next=</c>, <c>POST /api/v1/seller/message</c>
/// (multipart, <c>replySign</c> required, 1,000 characters, JPEG/PNG/PDF files up to 5 MB) and
/// <c>/api/v1/seller/download/{id}</c> (200, 202 in moderation, 451). It refuses what the platform refuses: a missing,
/// wrong, revoked or expired token (401), a stale sign (400), more than the limit per method (a token bucket: 429 with
/// X-Ratelimit-Retry). The bridge's posts come back in the feed as seller events from <c>seller-public-api</c>.</summary>
public sealed partial class FakeWildberriesServer : IAsyncDisposable
{
    private readonly LoopbackServer server;
    private readonly Lock gate = new();
    private readonly Dictionary<string, FakeWbChat> chats = new(StringComparer.Ordinal);
    private readonly List<JsonObject> events = [];
    private readonly Dictionary<string, FakeWbDownload> downloads = new(StringComparer.Ordinal);
    private readonly List<FakeWbSent> sent = [];
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<int>> faults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Tokens, DateTimeOffset At)> buckets = new(StringComparer.Ordinal);
    private long lastStamp;
    private int ids;
    private bool revoked;

    private FakeWildberriesServer(LoopbackServer server, string token, int requestsPerWindow, TimeSpan window)
    {
        this.server = server;
        Token = token;
        RequestsPerWindow = requestsPerWindow;
        Window = window;
    }

    /// <summary>E.g. <c>http://127.0.0.1:53117</c>: the bridge's <c>Marketplace:Wildberries:BaseUrl</c>.</summary>
    public string BaseUrl => server.Url;

    /// <summary>The token the fake accepts (a Personal token valid for 100 days unless one was given).</summary>
    public string Token { get; }

    /// <summary>Requests per method allowed in <see cref="Window"/> (the platform: 10 per 10 seconds).</summary>
    public int RequestsPerWindow { get; set; }

    public TimeSpan Window { get; set; }

    /// <summary>Events per page of the feed.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>How many requests were answered 429.</summary>
    public int Throttled => calls.GetValueOrDefault("429");

    public IReadOnlyList<FakeWbSent> Sent { get { lock (gate) { return [.. sent]; } } }

    public static async Task<FakeWildberriesServer> StartAsync(string? token = null, int requestsPerWindow = 10, TimeSpan? window = null)
    {
        FakeWildberriesServer? fake = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/ping", (HttpContext c) => fake!.HandleAsync(c, "ping", () => Json(new JsonObject { ["TS"] = DateTimeOffset.UtcNow.ToString("O"), ["Status"] = "OK" })));
            app.MapGet("/api/v1/seller/chats", (HttpContext c) => fake!.HandleAsync(c, "chats", fake.Chats));
            app.MapGet("/api/v1/seller/events", (HttpContext c) => fake!.HandleAsync(c, "events", () => fake.Events(c.Request.Query["next"])));
            app.MapPost("/api/v1/seller/message", (HttpContext c) => fake!.HandlePostAsync(c));
            app.MapGet("/api/v1/seller/download/{id}", (HttpContext c, string id) => fake!.HandleAsync(c, "download", () => fake.Download(id)));
        });
        fake = new FakeWildberriesServer(server, token ?? FakeWildberriesToken.Make(FakeWildberriesToken.Personal, DateTimeOffset.UtcNow.AddDays(100)),
            requestsPerWindow, window ?? TimeSpan.FromSeconds(10));
        return fake;
    }

    /// <summary>Requests to one method ("chats", "events", "message", "download", "ping") that reached it, refused or not.</summary>
    public int CallCount(string method) => calls.GetValueOrDefault(method);

    /// <summary>The next <paramref name="times"/> requests to <paramref name="method"/> are answered with <paramref name="status"/>.</summary>
    public void FailNext(string method, int status, int times = 1)
    {
        lock (gate)
        {
            var queue = faults.TryGetValue(method, out var q) ? q : faults[method] = new Queue<int>();
            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(status);
            }
        }
    }

    /// <summary>Drops the faults still queued for <paramref name="method"/>: its requests are answered again.</summary>
    public void ClearFaults(string method)
    {
        lock (gate)
        {
            faults.Remove(method);
        }
    }

    /// <summary>The seller deleted the token: every request is refused with 401.</summary>
    public void RevokeToken()
    {
        lock (gate)
        {
            revoked = true;
        }
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    private Task HandlePostAsync(HttpContext context) => HandleAsync(context, "message", () => PostAsync(context));

    private async Task HandleAsync(HttpContext context, string method, Func<IResult> handle) =>
        await HandleAsync(context, method, () => Task.FromResult(handle()));

    private async Task HandleAsync(HttpContext context, string method, Func<Task<IResult>> handle)
    {
        calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        var result = Refusal(context, method) ?? await handle();
        await result.ExecuteAsync(context);
    }

    /// <summary>The documented error body of 401/403/429 (400 has the same title/detail/requestId).</summary>
    private static IResult Error(int status, string title, string detail) => Results.Json(new JsonObject
    {
        ["title"] = title, ["detail"] = detail, ["code"] = $"{status}-fake", ["requestId"] = Guid.NewGuid().ToString("N"),
        ["origin"] = "s2s-api-auth-chat", ["status"] = status, ["statusText"] = ReasonPhrases.GetReasonPhrase(status),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
    }, statusCode: status);

    private static IResult Json(JsonObject body) => Results.Json(body);
}
