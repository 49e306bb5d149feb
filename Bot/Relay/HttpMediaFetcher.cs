using Bot.Core.Relay;

namespace Bot.Relay;

/// <summary>Downloads marketplace images for upload to Telegram, refusing anything too large or not an image.</summary>
internal sealed partial class HttpMediaFetcher(HttpClient http, ILogger<HttpMediaFetcher> logger) : IMediaFetcher
{
    public async Task<byte[]?> FetchAsync(string url, int maxBytes, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == false
                || response.Content.Headers.ContentLength > maxBytes)
            {
                LogRefused(uri.Host, (int)response.StatusCode);
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
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(e, uri.Host);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image from {Host} refused (status {Status}, not an image or too large)")]
    private partial void LogRefused(string host, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image from {Host} could not be fetched")]
    private partial void LogFailed(Exception error, string host);
}
