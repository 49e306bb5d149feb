using System.Globalization;
using System.Text.Json;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>The platform's token APIs: <c>POST {GatewayUrl}/rest/auth/token/create</c> (a code for tokens) and
/// <c>/rest/auth/token/refresh</c>, signed as REST calls (the API path in front of the signed string).</summary>
/// <remarks>Neither call is retried automatically: a code is used once, and a refresh may rotate the refresh token.</remarks>
internal sealed class AliExpressAuthClient(IHttpClientFactory httpClients, IOptions<AliExpressOptions> options, TimeProvider time)
{
    public const string CreatePath = "/auth/token/create";
    public const string RefreshPath = "/auth/token/refresh";

    public Task<MarketplaceAuthorization> CreateAsync(string code, CancellationToken cancellationToken) =>
        CallAsync(CreatePath, "code", code, cancellationToken);

    public Task<MarketplaceAuthorization> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        CallAsync(RefreshPath, "refresh_token", refreshToken, cancellationToken);

    private async Task<MarketplaceAuthorization> CallAsync(string path, string name, string value, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var parameters = new Dictionary<string, string?>
        {
            [name] = value,
            ["app_key"] = settings.AppKey,
            ["timestamp"] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["sign_method"] = "sha256",
        };
        parameters["sign"] = IopSigner.Sign(parameters, settings.AppSecret, path);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{settings.GatewayUrl.TrimEnd('/')}/rest{path}"))
        {
            Content = IopForm.Create(parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value!))),
        };
        request.Options.Set(IopClient.NoRetry, true);

        string body;
        try
        {
            using var response = await httpClients.CreateClient(IopClient.HttpClientName).SendAsync(request, cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MarketplaceException(MarketplaceErrorKind.Transient, $"AliExpress did not answer {path}: {ex.Message}", inner: ex);
        }

        return Read(path, body, now);
    }

    private static MarketplaceAuthorization Read(string path, string body, DateTimeOffset now)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new MarketplaceException(MarketplaceErrorKind.Transient, $"AliExpress answered {path} with a body that is not JSON.", inner: ex);
        }

        var result = IopResponse.Unwrap(path, root);
        var accessToken = IopJson.Str(result, "access_token");
        if (string.IsNullOrEmpty(accessToken))
        {
            throw new MarketplaceException(MarketplaceErrorKind.Transient, $"AliExpress answered {path} without an access token.", requestId: IopJson.Str(result, "request_id"));
        }

        var refreshToken = IopJson.Str(result, "refresh_token");
        return new MarketplaceAuthorization(
            accessToken,
            Expiry(result, "expire_time", "expires_in", now),
            string.IsNullOrEmpty(refreshToken) ? null : refreshToken,
            Expiry(result, "refresh_token_valid_time", "refresh_expires_in", now),
            now);
    }

    /// <summary>The absolute time (epoch milliseconds) when given, else now plus the relative seconds.</summary>
    private static DateTimeOffset? Expiry(JsonElement result, string absolute, string relativeSeconds, DateTimeOffset now) =>
        IopJson.Long(result, absolute) is { } ms and > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
        : IopJson.Long(result, relativeSeconds) is { } seconds and > 0 ? now.AddSeconds(seconds)
        : null;
}
