using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Bot.Core.Translation.Providers;

/// <summary>One JSON POST to a provider. Errors become <see cref="TranslatorException"/> without the request or
/// response body in the message (both may contain the customer's text).</summary>
internal static class ProviderHttp
{
    public static async Task<TResponse> PostJsonAsync<TRequest, TResponse>(
        HttpClient http,
        string provider,
        Uri uri,
        TRequest body,
        Action<HttpRequestMessage> authorize,
        CancellationToken cancellationToken)
        where TResponse : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body) };
        authorize(request);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? $", retry after {delta.TotalSeconds:F0} s" : string.Empty;
            throw new TranslatorException(provider, response.StatusCode, $"HTTP {(int)response.StatusCode} {Describe(response.StatusCode)}{retryAfter}.");
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<TResponse>(cancellationToken)
                ?? throw new TranslatorException(provider, response.StatusCode, "empty answer.");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new TranslatorException(provider, response.StatusCode, "answer is not the expected JSON.", e);
        }
    }

    public static string NonEmpty(string provider, string? translated) =>
        string.IsNullOrWhiteSpace(translated)
            ? throw new TranslatorException(provider, HttpStatusCode.OK, "answer has no translated text.")
            : translated;

    private static string Describe(HttpStatusCode status) => (int)status switch
    {
        400 => "(bad request)",
        401 or 403 => "(key rejected)",
        413 or 414 => "(text too long)",
        429 => "(too many requests)",
        456 => "(quota exceeded)",
        >= 500 => "(provider error)",
        _ => string.Empty,
    };
}
