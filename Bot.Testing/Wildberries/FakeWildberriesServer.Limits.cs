using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Bot.Testing.Wildberries;

/// <summary>What the fake checks before any method: the token (401) and the limit per method (429).</summary>
public sealed partial class FakeWildberriesServer
{
    private IResult? Refusal(HttpContext context, string method)
    {
        var presented = context.Request.Headers.Authorization.ToString();
        presented = presented.StartsWith("Bearer ", StringComparison.Ordinal) ? presented["Bearer ".Length..] : presented;
        lock (gate)
        {
            if (presented.Length == 0 || presented != Token || revoked)
            {
                return Error(401, "unauthorized", presented.Length == 0 ? "empty Authorization header" : revoked ? "token withdrawn" : "token is malformed");
            }

            if (FakeWildberriesToken.ExpiryOf(Token) is { } expiry && expiry <= DateTimeOffset.UtcNow)
            {
                return Error(401, "unauthorized", "token expired");
            }

            if (faults.TryGetValue(method, out var queue) && queue.TryDequeue(out var status))
            {
                return Error(status, status == 429 ? "too many requests" : "injected fault", "fault injected by the test");
            }

            // A token bucket, as the platform documents it: RequestsPerWindow at once, then one more every Window / RequestsPerWindow.
            var now = DateTimeOffset.UtcNow;
            var interval = Window / RequestsPerWindow;
            var (tokens, last) = buckets.TryGetValue(method, out var b) ? b : (RequestsPerWindow, now);
            tokens = Math.Min(RequestsPerWindow, tokens + ((now - last) / interval));
            if (tokens < 1)
            {
                buckets[method] = (tokens, now);
                calls.AddOrUpdate("429", 1, (_, n) => n + 1);
                var retry = Math.Max(1, (int)Math.Ceiling(((1 - tokens) * interval).TotalSeconds));
                context.Response.Headers["X-Ratelimit-Retry"] = retry.ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["X-Ratelimit-Limit"] = RequestsPerWindow.ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["X-Ratelimit-Reset"] = retry.ToString(CultureInfo.InvariantCulture);
                return Error(429, "too many requests", "limited by c122a060-a7fb-4bb4-abb0-32fd4e18d489");
            }

            buckets[method] = (tokens - 1, now);
            return null;
        }
    }
}
