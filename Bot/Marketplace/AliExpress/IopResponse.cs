using System.Text.Json;
using Bot.Core.Marketplace;

namespace Bot.Marketplace.AliExpress;

/// <summary>Finds the result in an IOP answer, or turns either error shape into a <see cref="MarketplaceException"/>.</summary>
internal static class IopResponse
{
    /// <summary>True when the answer is one of the platform's error shapes (used to read error bodies of non-2xx answers).</summary>
    public static bool IsError(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object &&
        (root.TryGetProperty("error_response", out _) || IsErrorCode(IopJson.Str(root, "code")));

    /// <summary>The <c>result</c> object of a successful call (or the response object when there is no <c>result</c>).</summary>
    public static JsonElement Unwrap(string method, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new MarketplaceException(MarketplaceErrorKind.Transient, $"AliExpress answered {method} with something that is not a JSON object.");
        }

        if (IopJson.Obj(root, "error_response") is { } error)
        {
            throw Error(method, IopJson.Str(error, "code"), IopJson.Str(error, "msg"), IopJson.Str(error, "sub_code"),
                IopJson.Str(error, "sub_msg"), IopJson.Str(error, "request_id") ?? IopJson.Str(root, "request_id"));
        }

        if (IsErrorCode(IopJson.Str(root, "code")))
        {
            throw Error(method, IopJson.Str(root, "code"), IopJson.Str(root, "message") ?? IopJson.Str(root, "msg"),
                IopJson.Str(root, "type"), null, IopJson.Str(root, "request_id"));
        }

        var wrapperName = method.Replace('.', '_') + "_response";
        var response = IopJson.Obj(root, wrapperName)
            ?? root.EnumerateObject().Where(p => p.Name.EndsWith("_response", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.Object)
                .Select(p => (JsonElement?)p.Value).FirstOrDefault()
            ?? root;
        var result = IopJson.Obj(response, "result") ?? response;

        // Business failures come inside the result: {is_success:false, error_code|sub_error_code, error_msg}.
        if (IopJson.Bool(result, "is_success") == false)
        {
            var code = IopJson.Str(result, "error_code") ?? IopJson.Str(result, "sub_error_code");
            var message = IopJson.Str(result, "error_msg") ?? IopJson.Str(result, "error_message") ?? "is_success=false";
            var kind = IopErrorClassifier.Classify(code, message);
            throw new MarketplaceException(kind, $"AliExpress refused {method}: {message}", code,
                IopJson.Str(response, "request_id") ?? IopJson.Str(root, "request_id"));
        }

        return result;
    }

    private static bool IsErrorCode(string? code) => !string.IsNullOrEmpty(code) && code != "0";

    private static MarketplaceException Error(string method, string? code, string? message, string? subCode, string? subMessage, string? requestId)
    {
        var kind = IopErrorClassifier.Classify(code, subCode, message, subMessage);
        var text = string.Join(": ", new[] { message, subMessage }.Where(m => !string.IsNullOrEmpty(m)).Distinct());
        var codes = string.Join('/', new[] { code, subCode }.Where(c => !string.IsNullOrEmpty(c)));
        return new MarketplaceException(kind, $"AliExpress refused {method}: {(text.Length > 0 ? text : "no message")}", codes.Length > 0 ? codes : null, requestId);
    }
}
