using System.Net;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Media;

/// <summary>Downloads marketplace images for upload to Telegram. Only http(s) URLs, only public addresses (checked at
/// connect time by <see cref="MediaHttpHandler"/>, on every redirect hop), at most
/// <see cref="MediaFetchOptions.MaxMediaRedirects"/> redirects, only image content types, and no more bytes than the
/// cap, counted while reading (a Content-Length header may lie or be absent).</summary>
internal sealed partial class HttpMediaFetcher(HttpClient http, IOptions<MediaFetchOptions> options, ILogger<HttpMediaFetcher> logger) : IMediaFetcher
{
    public async Task<byte[]?> FetchAsync(string url, int maxBytes, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsHttp(uri))
        {
            LogRefused(uri?.Host ?? "", $"not an http(s) URL ({uri?.Scheme ?? "unparsable"})");
            return null;
        }

        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Accept.ParseAdd("image/*");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (!IsRedirect(response.StatusCode))
                {
                    return await ReadImageAsync(uri, response, maxBytes, cancellationToken);
                }

                var next = response.Headers.Location is { } location ? new Uri(uri, location) : null;
                if (next is null || !IsHttp(next) || hop >= options.Value.MaxMediaRedirects)
                {
                    LogRefused(uri.Host, next is null || !IsHttp(next) ? "redirect to no http(s) URL" : "too many redirects");
                    return null;
                }

                uri = next;
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(e, uri.Host);
            return null;
        }
    }

    private async Task<byte[]?> ReadImageAsync(Uri uri, HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        var type = response.Content.Headers.ContentType?.MediaType;
        var refusal = !response.IsSuccessStatusCode ? $"status {(int)response.StatusCode}"
            : !IsImage(type) ? $"content type {type ?? "missing"}"
            : response.Content.Headers.ContentLength > maxBytes ? $"{response.Content.Headers.ContentLength} bytes"
            : null;
        if (refusal is not null)
        {
            LogRefused(uri.Host, refusal);
            return null;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                LogRefused(uri.Host, $"over {maxBytes} bytes");
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp;

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    // SVG is a document, not a photo Telegram can show.
    private static bool IsImage(string? type) =>
        type is not null && type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && !type.Equals("image/svg+xml", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image from {Host} refused: {Reason}")]
    private partial void LogRefused(string host, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image from {Host} could not be fetched")]
    private partial void LogFailed(Exception error, string host);
}
