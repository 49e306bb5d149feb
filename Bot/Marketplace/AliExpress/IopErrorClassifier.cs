using Bot.Core.Marketplace;

namespace Bot.Marketplace.AliExpress;

/// <summary>Maps the platform's error codes to what the core can do about them.</summary>
/// <remarks>Codes gathered from IOP SDKs and integrators' reports (e.g. <c>IllegalAccessToken</c>: "The specified access
/// token is invalid or expired", <c>IncompleteSignature</c>, <c>isv.permission-*</c>, IP-whitelist limits); the list is
/// not public, so matching is by pattern and anything unrecognised is treated as a refusal of this request.</remarks>
internal static class IopErrorClassifier
{
    private static readonly string[] AuthorizationMarkers =
    [
        "accesstoken", "access token", "session", "permission", "unauthorized", "forbidden",
        "signature", "appkey", "app key", "whitelist", "white-list", "whiteip", "white-ip", "ipwhite", "ip-white",
        "timestamp", "insufficientisvpermissions", "isv.invalid-permission",
    ];

    private static readonly string[] TransientMarkers =
    [
        "limit", "frequen", "throttl", "timeout", "time out", "unavailable", "busy", "systemerror", "system-error",
        "system error", "internalerror", "internal error", "remote-service-error", "isp.",
    ];

    public static MarketplaceErrorKind Classify(params string?[] codesAndMessages)
    {
        var text = string.Join(' ', codesAndMessages.Where(c => !string.IsNullOrEmpty(c))).ToLowerInvariant();

        // Authorization first: an IP-whitelist "limit" is an operator problem, not throttling.
        if (AuthorizationMarkers.Any(text.Contains))
        {
            return MarketplaceErrorKind.Authorization;
        }

        return TransientMarkers.Any(text.Contains) ? MarketplaceErrorKind.Transient : MarketplaceErrorKind.Rejected;
    }
}
