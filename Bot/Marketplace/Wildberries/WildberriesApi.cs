using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.Wildberries;

/// <summary>The buyer-chat API over HTTP: the token in <c>Authorization: Bearer</c>, every request paced
/// (<see cref="WildberriesPacer"/>) and counted, refusals turned into <see cref="MarketplaceException"/>s
/// (<see cref="WildberriesErrors"/>). Nothing is retried here: the poller and the outbox retry.</summary>
internal sealed partial class WildberriesApi(
    HttpClient http, WildberriesPacer pacer, MarketplaceCallMeter meter, IOptions<WildberriesOptions> options, ILogger<WildberriesApi> logger)
{
    public const string HttpClientName = "wildberries";

    public Task<JsonElement> GetJsonAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        SendJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, Url(pathAndQuery)), cancellationToken);

    public Task<JsonElement> PostMultipartAsync(string path, Func<HttpContent> content, CancellationToken cancellationToken) =>
        SendJsonAsync(() => new HttpRequestMessage(HttpMethod.Post, Url(path)) { Content = content() }, cancellationToken);

    /// <summary>A GET whose answer the caller reads (downloads: 202 and 451 are answers, not errors). Transport failures
    /// and 401/403/429/5xx still throw.</summary>
    public async Task<HttpResponseMessage> GetRawAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url(pathAndQuery)), cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests or HttpStatusCode.PaymentRequired
            || (int)response.StatusCode >= 500)
        {
            using (response)
            {
                throw await RefusalAsync(pathAndQuery, response, cancellationToken);
            }
        }

        return response;
    }

    private async Task<JsonElement> SendJsonAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken);
        var path = response.RequestMessage?.RequestUri?.AbsolutePath ?? "";
        if (!response.IsSuccessStatusCode)
        {
            throw await RefusalAsync(path, response, cancellationToken);
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.Clone();
        }
        catch (JsonException e)
        {
            LogGarbled(path, (int)response.StatusCode);
            throw new MarketplaceException(MarketplaceErrorKind.Transient, $"Wildberries answered {path} with a body that is not JSON.", inner: e);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        await pacer.TakeAsync(cancellationToken);
        using var request = create();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.Token.Trim());
        meter.Count();
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MarketplaceException(MarketplaceErrorKind.Transient, $"Wildberries could not be reached ({request.RequestUri?.AbsolutePath}): {e.Message}", inner: e);
        }
    }

    private async Task<MarketplaceException> RefusalAsync(string path, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            pacer.Hold(RetryAfter(response));
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var error = WildberriesErrors.From((int)response.StatusCode, body);
        LogRefused(path, (int)response.StatusCode, error.Kind, error.Message, error.RequestId);
        return error;
    }

    /// <summary>X-Ratelimit-Retry (seconds), else Retry-After, else the configured window.</summary>
    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("X-Ratelimit-Retry", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, 3600));
        }

        return response.Headers.RetryAfter?.Delta ?? options.Value.RateWindow;
    }

    private Uri Url(string pathAndQuery) => new(options.Value.BaseUrl.TrimEnd('/') + pathAndQuery);

    [LoggerMessage(1, LogLevel.Warning, "Wildberries refused {Path} with HTTP {StatusCode} ({Kind}): {PlatformMessage} (request id {RequestId})")]
    private partial void LogRefused(string path, int statusCode, MarketplaceErrorKind kind, string platformMessage, string? requestId);

    [LoggerMessage(2, LogLevel.Warning, "Wildberries answered {Path} with HTTP {StatusCode} and a body that is not JSON")]
    private partial void LogGarbled(string path, int statusCode);
}
