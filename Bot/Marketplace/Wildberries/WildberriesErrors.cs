using System.Text.Json;
using Bot.Core.Marketplace;

namespace Bot.Marketplace.Wildberries;

/// <summary>A refusal in the platform's words. 400 bodies carry <c>title</c>, <c>detail</c>, <c>requestId</c>;
/// 401/403/429 carry <c>title</c>, <c>detail</c>, <c>code</c>, <c>requestId</c>; 402 (catalogue services only)
/// <c>title</c>, <c>detail</c>.</summary>
internal static class WildberriesErrors
{
    public static MarketplaceException From(int status, string body)
    {
        string? title = null, detail = null, code = null, requestId = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                title = Str(json.RootElement, "title");
                detail = Str(json.RootElement, "detail");
                code = Str(json.RootElement, "code");
                requestId = Str(json.RootElement, "requestId");
            }
        }
        catch (JsonException)
        {
            // Not the documented shape (a proxy's page): the status alone says what happened.
        }

        var words = string.Join(": ", new[] { title, detail }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var kind = status switch
        {
            401 or 402 or 403 => MarketplaceErrorKind.Authorization,
            400 or 404 or 413 or 422 => MarketplaceErrorKind.Rejected,
            _ => MarketplaceErrorKind.Transient,
        };
        var advice = status switch
        {
            401 => " The token is wrong, revoked or expired (tokens live 180 days): create a new Personal token with the Buyers Chat category and set Marketplace__Wildberries__Token.",
            403 => " The token lacks the Buyers Chat category or write access: create one that has both and set Marketplace__Wildberries__Token.",
            _ => "",
        };
        var message = $"Wildberries answered HTTP {status}" + (words.Length > 0 ? $": {words}." : ".") + advice;
        return new MarketplaceException(kind, message, code ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture), requestId);
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
