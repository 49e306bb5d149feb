using Bot.Core.Marketplace;

namespace Bot.Marketplace.AliExpress;

/// <summary>What an operator does about the platform refusing a method, from its code and words.</summary>
/// <remarks>The platform publishes neither the codes nor which permission package holds the message APIs (reference,
/// open point 8), so matching is by pattern, like <see cref="IopErrorClassifier"/>.</remarks>
internal static class AliExpressSelfCheckAdvice
{
    public static string For(string method, MarketplaceException error)
    {
        var text = $"{error.Code} {error.Message}".ToLowerInvariant();
        if (error.Code == "NotConnected" || AliExpressTokens.IsExpired(error) || error.Message == AliExpressTokens.Expired)
        {
            return "connect the store (again): send /connect";
        }

        if (text.Contains("permission", StringComparison.Ordinal))
        {
            return $"request the API permission package that holds {method} (the message APIs) for your app in the AliExpress developer console, then send /selfcheck";
        }

        if (text.Contains("limit", StringComparison.Ordinal) && !text.Contains("white", StringComparison.Ordinal))
        {
            return "the app's call quota for this API is used up; it comes back by itself (a launched app gets a larger one): send /selfcheck later";
        }

        if (text.Contains("white", StringComparison.Ordinal) || text.Contains(" ip", StringComparison.Ordinal))
        {
            return "add this server's IP address to your app's IP whitelist in the developer console";
        }

        if (text.Contains("signature", StringComparison.Ordinal) || text.Contains("appkey", StringComparison.Ordinal) || text.Contains("app key", StringComparison.Ordinal))
        {
            return "check Marketplace__AliExpress__AppKey and Marketplace__AliExpress__AppSecret against the developer console";
        }

        if (text.Contains("does not exist", StringComparison.Ordinal) || text.Contains("invalidapipath", StringComparison.Ordinal))
        {
            return "the gateway does not offer this API to this app: check the app's API permissions in the developer console";
        }

        return error.Kind == MarketplaceErrorKind.Transient
            ? "AliExpress did not answer: send /selfcheck in a few minutes"
            : "send /selfcheck again; if it stays, ask AliExpress developer support, quoting the code";
    }

    /// <summary>True when the platform refuses this app the method itself (permission, quota), not the call's content.</summary>
    public static bool RefusesTheMethod(MarketplaceException error) =>
        $"{error.Code} {error.Message}".Contains("permission", StringComparison.OrdinalIgnoreCase)
        || $"{error.Code}".Contains("limit", StringComparison.OrdinalIgnoreCase);
}
