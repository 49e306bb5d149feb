using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Marketplace;

namespace Bot.Marketplace.AliExpress;

/// <summary>Calls an IM API: <c>POST /sync?method=aliexpress/message/...</c> with the DTO as a JSON string in one form
/// field, and returns <c>result.data</c> (or <c>result</c> when it has no <c>data</c>).</summary>
/// <remarks>How the slash-named IM APIs are signed is an open question (reference 1.5): the Java SDK generated with the
/// IM classes signs them like every <c>/sync</c> API, with no prefix; the PHP and Python SDKs put the API name in front
/// of the signed string whenever it holds a <c>/</c>. This tries no prefix first and, when the gateway answers
/// <c>IncompleteSignature</c>, the same call with the prefix, and remembers what worked for later calls. A signature
/// refusal means the gateway did not run the call, so repeating a send this way cannot post twice.
/// The answer's envelope is INFERRED too: wrapped in <c>…_response</c> or not, the typed SDK results carry
/// <c>{success, error_code, error_message, data}</c> under <c>result</c>; both are accepted.</remarks>
internal sealed class AliExpressImCaller(IopClient iop, ILogger<AliExpressImCaller> logger)
{
    private volatile bool _prefixed;

    /// <summary>True once the gateway was found to want the API name in front of the signed string.</summary>
    public bool SignsWithPrefix => _prefixed;

    public async Task<JsonElement> CallAsync(string method, string parameter, JsonObject dto, bool retryable, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string> { [parameter] = dto.ToJsonString() };
        JsonElement result;
        var prefixed = _prefixed;
        try
        {
            result = await iop.CallAsync(method, parameters, retryable, cancellationToken, signPrefix: prefixed ? method : null);
        }
        catch (MarketplaceException e) when (IsSignatureRefusal(e))
        {
            // The other reading of the reference; if it is refused too, that refusal is the one reported.
            result = await iop.CallAsync(method, parameters, retryable, cancellationToken, signPrefix: prefixed ? null : method);
            _prefixed = !prefixed;
            AliExpressLog.ImSignature(logger, method, !prefixed ? "with the API name in front" : "without a prefix");
        }

        if (IopJson.Bool(result, "success") == false)
        {
            var code = IopJson.Str(result, "error_code");
            var message = IopJson.Str(result, "error_message") ?? IopJson.Str(result, "error_msg") ?? "success=false";
            throw new MarketplaceException(IopErrorClassifier.Classify(code, message), $"AliExpress refused {method}: {message}", code);
        }

        return IopJson.Obj(result, "data") ?? result;
    }

    private static bool IsSignatureRefusal(MarketplaceException e) =>
        e.Code?.Contains("IncompleteSignature", StringComparison.OrdinalIgnoreCase) == true;
}
