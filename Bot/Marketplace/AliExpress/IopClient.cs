using System.Globalization;
using System.Text.Json;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Bot.Marketplace.AliExpress;

/// <summary>Typed HTTP client for IOP business calls: <c>POST {GatewayUrl}/sync?method=...</c>, form-urlencoded, signed.</summary>
/// <remarks>Retries of 5xx, 429 and timeouts happen in the resilience handler of the named client; what reaches this
/// class has already been retried, so every failure becomes a <see cref="MarketplaceException"/> here.
/// The client is created from the factory per call (not captured) because the adapter is a singleton and a captured
/// HttpClient would never pick up handler rotation.</remarks>
internal sealed class IopClient(
    IHttpClientFactory httpClients, IOptions<AliExpressOptions> options, AliExpressTokens tokens, TimeProvider time, ILogger<IopClient> logger)
{
    /// <summary>Marks a request that must not be retried automatically (the platform has no idempotency key).</summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetry = new("AliExpress.NoRetry");

    public const string HttpClientName = "AliExpress";

    private static readonly string[] RequestIdHeaders = ["x-request-id", "EagleEye-TraceId", "x-ae-request-id"];

    /// <summary>Calls <paramref name="method"/> and returns its result object (detached from the response document).</summary>
    /// <param name="retryable">False for calls that post something: a retry after a lost answer would post twice.</param>
    /// <param name="file">A file part (multipart request instead of a form); like the IOP SDKs, it is not signed.</param>
    /// <param name="signPrefix">Put in front of the signed string (the PHP/Python SDKs do this for API names holding a
    /// <c>/</c>, see <see cref="AliExpressImCaller"/>); null for the dotted <c>/sync</c> APIs.</param>
    public async Task<JsonElement> CallAsync(
        string method, IReadOnlyDictionary<string, string> businessParameters, bool retryable, CancellationToken cancellationToken, IopFile? file = null,
        string? signPrefix = null)
    {
        var settings = options.Value;
        var session = await tokens.AccessTokenAsync(cancellationToken);
        var parameters = new Dictionary<string, string?>(businessParameters.ToDictionary(p => p.Key, p => (string?)p.Value))
        {
            ["app_key"] = settings.AppKey,
            ["method"] = method,
            ["timestamp"] = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["sign_method"] = "sha256",
            ["session"] = session,
            ["format"] = "json",
            ["v"] = "2.0",
        };
        parameters["sign"] = IopSigner.Sign(parameters, settings.AppSecret, signPrefix);

        // Only the method goes into the URL: the session stays in the body, out of request logs.
        var uri = new Uri($"{settings.GatewayUrl.TrimEnd('/')}/sync?method={Uri.EscapeDataString(method)}");
        var fields = parameters.Where(p => p.Key != "method" && !string.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!));
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = file is null ? IopForm.Create(fields) : file.Multipart(fields) };
        if (!retryable)
        {
            request.Options.Set(NoRetry, true);
        }

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return Read(method, response, body, session);
        }
        catch (Exception ex) when (IsTransport(ex, cancellationToken))
        {
            AliExpressLog.CallFailed(logger, method, ex);
            var note = retryable ? "" : " The message may or may not have been posted.";
            throw new MarketplaceException(MarketplaceErrorKind.Transient, $"AliExpress did not answer {method}: {ex.Message}{note}", inner: ex);
        }
    }

    private JsonElement Read(string method, HttpResponseMessage response, string body, string session)
    {
        var headerRequestId = RequestIdHeaders.Select(h => response.Headers.TryGetValues(h, out var v) ? v.FirstOrDefault() : null).FirstOrDefault(v => v is not null);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            AliExpressLog.GarbledAnswer(logger, method, (int)response.StatusCode, headerRequestId, ex);
            AliExpressLog.GarbledBody(logger, method, body.Length > 500 ? body[..500] : body);
            throw new MarketplaceException(MarketplaceErrorKind.Transient,
                $"AliExpress answered {method} with HTTP {(int)response.StatusCode} and a body that is not JSON.", requestId: headerRequestId, inner: ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (!response.IsSuccessStatusCode && !IopResponse.IsError(root))
            {
                AliExpressLog.HttpFailure(logger, method, (int)response.StatusCode, headerRequestId);
                throw new MarketplaceException(MarketplaceErrorKind.Transient, $"AliExpress answered {method} with HTTP {(int)response.StatusCode}.",
                    ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), IopJson.Str(root, "request_id") ?? headerRequestId);
            }

            try
            {
                return IopResponse.Unwrap(method, root).Clone();
            }
            catch (MarketplaceException ex)
            {
                AliExpressLog.PlatformError(logger, method, ex.Kind, ex.Code, ex.Message, ex.RequestId);
                if (AliExpressTokens.IsExpired(ex))
                {
                    throw tokens.AwaitsRenewal(session)
                        ? new MarketplaceException(MarketplaceErrorKind.Transient, AliExpressTokens.Renewing, ex.Code, ex.RequestId, ex)
                        : new MarketplaceException(MarketplaceErrorKind.Authorization, AliExpressTokens.Expired, ex.Code, ex.RequestId, ex);
                }

                throw;
            }
        }
    }

    private static bool IsTransport(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or IOException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
