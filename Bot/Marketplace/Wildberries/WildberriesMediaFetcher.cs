using System.Net;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.Wildberries;

/// <summary>Fetches buyers' attachments, which Wildberries serves only with the token
/// (<c>GET /api/v1/seller/download/{id}</c>); any other url goes to the public-address fetcher it wraps. 202 (still in
/// moderation) and 451 (failed moderation) give nothing: staff get the note that the photo could not be fetched.</summary>
internal sealed partial class WildberriesMediaFetcher(
    IMediaFetcher inner, WildberriesApi api, IOptions<WildberriesOptions> options, ILogger<WildberriesMediaFetcher> logger) : IMediaFetcher
{
    public const string DownloadPath = "/api/v1/seller/download/";

    public async Task<byte[]?> FetchAsync(string url, int maxBytes, CancellationToken cancellationToken)
    {
        var prefix = options.Value.BaseUrl.TrimEnd('/') + DownloadPath;
        if (!url.StartsWith(prefix, StringComparison.Ordinal))
        {
            return await inner.FetchAsync(url, maxBytes, cancellationToken);
        }

        try
        {
            using var response = await api.GetRawAsync(DownloadPath + url[prefix.Length..], cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                LogNotServed((int)response.StatusCode);
                return null;
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                LogNotServed(413);
                return null;
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return bytes.Length <= maxBytes ? bytes : null;
        }
        catch (MarketplaceException e)
        {
            LogFailed(e.Kind, e.Message);
            return null;
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "A Wildberries attachment was not served (HTTP {StatusCode}: 202 in moderation, 451 failed moderation, 413 too large)")]
    private partial void LogNotServed(int statusCode);

    [LoggerMessage(2, LogLevel.Warning, "A Wildberries attachment could not be downloaded ({Kind}): {Reason}")]
    private partial void LogFailed(MarketplaceErrorKind kind, string reason);
}
